/**
 * Identity &amp; Access: users, teams and organizations, memberships, API keys, sessions, linked accounts,
 * OAuth tokens, password resets and impersonation; every other context reads it, it reads none of them.
 */
package com.calcomalt.command.identity;
