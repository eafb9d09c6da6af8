package com.calcomalt.contracts.identity;

import java.util.Map;

/** The member of a membership, with the fields of cal.com API v2's MembershipUserOutputDto and the user's id. */
public record MemberView(int id, String email, String username, String name, String avatarUrl, String bio,
                         Map<String, Object> metadata) {
}
