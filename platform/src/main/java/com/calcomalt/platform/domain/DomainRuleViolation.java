package com.calcomalt.platform.domain;

/** A command broke a rule of the domain: answered with 422 and nothing is written. */
public class DomainRuleViolation extends RuntimeException {

    public DomainRuleViolation(String message) {
        super(message);
    }
}
