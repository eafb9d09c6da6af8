package com.calcomalt.contracts.identity;

public record MemberView(int id, String email, String username, String name, String avatarUrl) {
}
