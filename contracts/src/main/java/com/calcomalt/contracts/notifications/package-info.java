/** Notifications' published language: the commands, events, queries and views of webhooks and their deliveries. */
package com.calcomalt.contracts.notifications;
