package com.calcomalt.contracts.identity;

/** Through which door a user came in: cal.com's CreationSource enum, with its database labels. */
public enum CreationSource { api_v1, api_v2, webapp }
