/**
 * Identity &amp; Access's published language: the commands, events, queries and views of users, teams,
 * organizations, memberships, API keys, sessions and tokens, and the {@link com.calcomalt.contracts.identity.Caller}.
 */
package com.calcomalt.contracts.identity;
