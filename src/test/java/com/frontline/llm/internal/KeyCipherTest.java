package com.frontline.llm.internal;

import com.frontline.platform.EmbeddedProperties;
import com.frontline.shared.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyCipherTest {

    static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    final TenantId tenant = TenantId.of(UUID.randomUUID());
    final KeyCipher cipher = new KeyCipher(randomKey());

    @Test
    void roundTrips() {
        byte[] sealed = cipher.encrypt(tenant, "sk-proj-abcdef1234567890");

        assertThat(cipher.decrypt(tenant, sealed)).isEqualTo("sk-proj-abcdef1234567890");
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("abcdef");
    }

    @Test
    void theCiphertextDiffersOnEveryCall() {
        assertThat(cipher.encrypt(tenant, "same key")).isNotEqualTo(cipher.encrypt(tenant, "same key"));
    }

    @Test
    void aWrongMasterKeyFails() {
        byte[] sealed = cipher.encrypt(tenant, "sk-secret");

        assertThatThrownBy(() -> new KeyCipher(randomKey()).decrypt(tenant, sealed))
                .isInstanceOf(KeyCipher.KeyDecryptionException.class).hasMessageContaining("master key");
    }

    @Test
    void aKeyCopiedToAnotherWorkspaceDoesNotDecrypt() {
        byte[] sealed = cipher.encrypt(tenant, "sk-secret");

        assertThatThrownBy(() -> cipher.decrypt(TenantId.of(UUID.randomUUID()), sealed))
                .isInstanceOf(KeyCipher.KeyDecryptionException.class);
    }

    @Test
    void tamperingIsDetected() {
        byte[] sealed = cipher.encrypt(tenant, "sk-secret");
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(tenant, sealed)).isInstanceOf(KeyCipher.KeyDecryptionException.class);
    }

    @Test
    void onlyTheLastFourCharactersAreShown() {
        assertThat(KeyCipher.last4("sk-proj-abcdef1234567890")).isEqualTo("7890");
    }

    @Test
    void aMasterKeyMustBe32Bytes() {
        assertThatThrownBy(() -> new KeyCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MasterKey.decode(Base64.getEncoder().encodeToString(new byte[16]), "X"))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> MasterKey.decode("not base64!", "X")).hasMessageContaining("base64");
    }

    @Test
    void productionRefusesToStartWithoutAMasterKey(@TempDir Path dir) {
        assertThatThrownBy(() -> MasterKey.load(null, true, new EmbeddedProperties(dir, false)))
                .hasMessageContaining("FRONTLINE_MASTER_KEY");
        assertThat(dir.resolve("llm")).doesNotExist();
    }

    @Test
    void elsewhereAKeyIsGeneratedOnceUnderTheDataDirectory(@TempDir Path dir) throws Exception {
        EmbeddedProperties embedded = new EmbeddedProperties(dir, false);

        byte[] first = MasterKey.load(null, false, embedded);
        byte[] second = MasterKey.load("", false, embedded);

        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(Files.readString(dir.resolve("llm/master.key")).strip())
                .isEqualTo(Base64.getEncoder().encodeToString(first));
    }

    @Test
    void theConfiguredKeyWins(@TempDir Path dir) {
        byte[] key = randomKey();

        assertThat(MasterKey.load(Base64.getEncoder().encodeToString(key), true, new EmbeddedProperties(dir, false)))
                .isEqualTo(key);
    }
}
