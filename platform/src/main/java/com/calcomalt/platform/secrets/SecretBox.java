package com.calcomalt.platform.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a secret that must be read back later (a webhook's signing secret) so that it can sit in
 * the event store and the command side's tables: AES-256-GCM with a random 96-bit nonce per value,
 * written as {@code v1:<base64(nonce | ciphertext and tag)>}. The prefix names the format and key, so
 * a later key can be added as {@code v2} while {@code v1} values are still opened. GCM's tag makes a
 * changed value or a wrong key fail instead of yielding garbage.
 */
public final class SecretBox {

    /** For development and tests only: anyone can read it here, so it protects nothing. */
    public static final String DEVELOPMENT_KEY = "Y2FsLmNvbS5hbHQgZGV2IGtleTogTk9UIFNFQ1JFVCE=";

    static final String PREFIX = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A box for a base64 key of 32 bytes, as {@code calalt.secrets.encryption-key} holds it. */
    public static SecretBox withKey(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The secrets encryption key is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The secrets encryption key is " + key.length
                    + " bytes; AES-256 needs " + KEY_BYTES + " (e.g. openssl rand -base64 32)");
        }
        SecretBox box = new SecretBox(key);
        Arrays.fill(key, (byte) 0);
        return box;
    }

    /** The sealed form of {@code plaintext}; null stays null. Sealing the same text twice gives different values. */
    public String seal(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }

    /** The plaintext of a value {@link #seal} made with the same key; null stays null. */
    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new SecretUnreadable("A sealed secret starts with " + PREFIX);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretUnreadable("A sealed secret is base64 after its prefix");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretUnreadable("A sealed secret is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            byte[] plaintext = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretUnreadable("A sealed secret was changed or sealed with another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every JDK", e);
        }
    }

    /** A sealed value that cannot be opened: not sealed by this box's format, changed, or sealed with another key. */
    public static final class SecretUnreadable extends RuntimeException {

        SecretUnreadable(String message) {
            super(message);
        }
    }

    @Override
    public String toString() {
        return "SecretBox[AES-256-GCM, " + PREFIX + "]";
    }
}
