/**
 * Identity &amp; Access read side: cal.com's {@code users}, {@code Team}, {@code Membership}, {@code ApiKey},
 * {@code Profile}, session, account and token tables, and who may see which of them.
 */
package com.calcomalt.query.identity;
