package com.calcomalt.query.identity;

/** cal.com's UserPermissionRole database enum. */
public enum UserPermissionRole { USER, ADMIN }
