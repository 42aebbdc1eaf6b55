package com.frontline.alerts;

import com.frontline.shared.TenantId;
import com.frontline.tenants.Workspace;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What an alert says outside the app: the e-mail and the webhook's text. */
class AlertMessagesTest {

    static final Workspace ACME = new Workspace(TenantId.of(UUID.randomUUID()), "acme", "Acme <Support>", "Other", true);
    static final Alert ALERT = new Alert(UUID.randomUUID(), AlertKind.PROVIDER_FAILURE_RATE, "provider:x",
            "OpenAI <!here> fails 32 % of calls", "77 of 240 calls failed & more.",
            List.of(new Alert.Figure("Failed calls", "77"), new Alert.Figure("Calls", "240")),
            "/w/acme/usage?period=7", AlertStatus.OPEN, OffsetDateTime.now(), 0, null, null, null, null, null,
            List.of());

    @Test
    void theEmailCarriesTheSummaryTheNumbersAndTheLinksWhenThePublicAddressIsKnown() {
        var mail = AlertJobs.mail("Frontline <no-reply@x>", "a@acme.test, b@acme.test", ACME, ALERT,
                "https://support.acme.test/w/acme/usage?period=7", "https://support.acme.test/w/acme/alerts/settings");
        assertThat(mail.getTo()).containsExactly("a@acme.test", "b@acme.test");
        assertThat(mail.getSubject()).isEqualTo("[Acme <Support>] OpenAI <!here> fails 32 % of calls");
        assertThat(mail.getText()).startsWith("77 of 240 calls failed & more.\n\n  Failed calls: 77\n  Calls: 240\n")
                .contains("See the numbers: https://support.acme.test/w/acme/usage?period=7")
                .contains("Change the alert settings: https://support.acme.test/w/acme/alerts/settings");

        var withoutAddress = AlertJobs.mail("f", "a@acme.test", ACME, ALERT, null, null);
        assertThat(withoutAddress.getText()).doesNotContain("See the numbers")
                .contains("Change the alert settings under Alerts → Settings.");
    }

    @Test
    void theWebhookTextEscapesSlacksControlCharactersInOurTextButNotTheLink() {
        String text = AlertJobs.slackText(ACME, ALERT, "https://support.acme.test/w/acme/usage?period=7&provider=x");
        assertThat(text).isEqualTo("""
                *[Acme &lt;Support&gt;] OpenAI &lt;!here&gt; fails 32 % of calls*
                77 of 240 calls failed &amp; more.
                • Failed calls: 77
                • Calls: 240
                https://support.acme.test/w/acme/usage?period=7&provider=x""");
        assertThat(AlertJobs.slackText(ACME, ALERT, null)).endsWith("• Calls: 240");
    }
}
