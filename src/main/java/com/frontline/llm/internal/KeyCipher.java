package com.frontline.llm.internal;

import com.frontline.shared.TenantId;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Encrypts provider API keys at rest with AES-256-GCM under the master key. A fresh random IV per call makes every
 * ciphertext different; the tenant id is authenticated data, so a ciphertext copied into another workspace's row
 * does not decrypt. Layout: one version byte, the 12-byte IV, then ciphertext and 16-byte tag.
 */
public final class KeyCipher {

    private static final byte VERSION = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public KeyCipher(byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("The master key must be 32 bytes (AES-256), not " + masterKey.length);
        }
        this.key = new SecretKeySpec(masterKey.clone(), "AES");
    }

    public byte[] encrypt(TenantId tenant, String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(tenant));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws KeyDecryptionException when the master key or the workspace is not the one the key was sealed with */
    public String decrypt(TenantId tenant, byte[] blob) {
        if (blob.length < 1 + IV_BYTES + TAG_BITS / 8 || blob[0] != VERSION) {
            throw new KeyDecryptionException("The stored API key is not in a format this version can read.");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(blob, 1, 1 + IV_BYTES)));
            cipher.updateAAD(aad(tenant));
            byte[] plain = cipher.doFinal(blob, 1 + IV_BYTES, blob.length - 1 - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new KeyDecryptionException("The stored API key cannot be decrypted with the current master key "
                    + "(FRONTLINE_MASTER_KEY changed?). Enter the key again.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** What the settings page shows of a key: its last four characters. */
    public static String last4(String apiKey) {
        String k = apiKey.strip();
        return k.length() <= 4 ? k : k.substring(k.length() - 4);
    }

    private static byte[] aad(TenantId tenant) {
        return ("frontline-llm-key:" + tenant.value()).getBytes(StandardCharsets.UTF_8);
    }

    public static final class KeyDecryptionException extends RuntimeException {
        public KeyDecryptionException(String message) {
            super(message);
        }
    }
}
