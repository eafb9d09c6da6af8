package com.calcomalt.contracts.identity;

/** cal.com's UserPermissionRole enum: ADMIN is a system administrator. */
public enum UserPermissionRole { USER, ADMIN }
