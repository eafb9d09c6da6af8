package com.calcomalt.contracts.identity;

/** Where a user signs in: cal.com's IdentityProvider enum. */
public enum IdentityProvider { CAL, GOOGLE, SAML }
