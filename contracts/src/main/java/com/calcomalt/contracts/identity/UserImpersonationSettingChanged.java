package com.calcomalt.contracts.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UserImpersonationSettingChanged(int userId, boolean disableImpersonation, Instant changedAt) {
}
