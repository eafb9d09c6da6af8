package com.calcomalt.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * API keys as cal.com makes them: "cal_" followed by 32 random hex digits, shown once. Only the
 * SHA-256 of the part after the prefix is kept, as cal.com's hashedKey.
 */
public final class ApiKeys {

    private static final Pattern PREFIX = Pattern.compile("^cal_(live_)?");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    public static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "cal_" + HexFormat.of().formatHex(bytes);
    }

    public static String hash(String key) {
        return sha256(PREFIX.matcher(key.trim()).replaceFirst(""));
    }

    /** For secrets handed out once and kept only as a hash: session and OAuth tokens. */
    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** A random secret of 32 bytes, URL-safe. */
    public static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
