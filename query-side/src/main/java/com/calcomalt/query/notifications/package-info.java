/** Notifications read side: cal.com's {@code Webhook} table, and the deliveries of each webhook. */
package com.calcomalt.query.notifications;
