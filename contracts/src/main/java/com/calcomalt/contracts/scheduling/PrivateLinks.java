package com.calcomalt.contracts.scheduling;

import java.util.List;

/** The answer to {@link FindPrivateLinks}. */
public record PrivateLinks(List<PrivateLinkView> links) {
}
