package com.frontline.assistants;

import com.frontline.llm.ModelSettings;
import com.frontline.search.Fusion;
import com.frontline.search.RetrievalSettings;
import com.frontline.tenants.Persona;
import com.frontline.tenants.Tone;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The configuration as one value: made of the modules' settings, given back as them, stored as JSON unchanged. */
class AssistantConfigTest {

    static final UUID MAIN = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID BACKUP = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    static final Persona AVA = new Persona("Ava", Tone.FORMAL, "Never promise delivery dates.",
            "Hi, I'm Ava!", "I'm not sure. Shall I connect you with the team?", "de");
    static final RetrievalSettings RETRIEVAL = new RetrievalSettings(Fusion.RRF, 0.35, 4, 60, 0.05);
    static final ModelSettings MODELS = new ModelSettings(new ModelSettings.Routing(false, 25, 70, 9_000), List.of(
            new ModelSettings.Choice(MAIN, "OPENAI", "Main", "gpt-4o-mini", "gpt-4o-mini", "gpt-4o", null, true),
            new ModelSettings.Choice(BACKUP, "ANTHROPIC", "Anthropic", "claude-3-5-haiku", null, null,
                    "claude-3-5-sonnet", false)));

    static AssistantConfig config() {
        return AssistantConfig.of(AVA, RETRIEVAL, MODELS, 0.45);
    }

    @Test
    void givesBackTheModulesSettingsItWasMadeOf() {
        AssistantConfig c = config();

        assertThat(c.persona()).isEqualTo(AVA);
        assertThat(c.retrievalSettings()).isEqualTo(RETRIEVAL);
        assertThat(c.modelSettings()).isEqualTo(MODELS);
        assertThat(c.confidenceThreshold()).isEqualTo(0.45);
    }

    @Test
    void survivesJsonUnchangedWithExactlyTheStoredFieldNames() {
        JsonMapper json = JsonMapper.builder().build();
        AssistantConfig c = config();

        String text = json.writeValueAsString(c);
        assertThat(json.readValue(text, AssistantConfig.class)).isEqualTo(c);

        // the migration writes these names for version 1: a renamed component would no longer read old versions
        JsonNode tree = json.readTree(text);
        assertThat(tree.propertyNames()).containsExactlyInAnyOrder("routing", "providers", "prompt", "retrieval",
                "confidenceThreshold");
        assertThat(tree.get("routing").propertyNames()).containsExactlyInAnyOrder("enabled", "simpleMaxScore",
                "complexMinScore", "longContextChars");
        assertThat(tree.get("providers").get(0).propertyNames()).containsExactlyInAnyOrder("id", "kind", "label",
                "defaultModel", "cheapModel", "strongModel", "longContextModel", "handoffTool");
        assertThat(tree.get("prompt").propertyNames()).containsExactlyInAnyOrder("assistantName", "tone",
                "customInstructions", "greeting", "fallbackMessage", "language");
        assertThat(tree.get("retrieval").propertyNames()).containsExactlyInAnyOrder("fusion", "bm25Weight", "topK",
                "candidates", "minScore");
    }

    @Test
    void aStoredConfigurationWithoutOptionalValuesReads() {
        JsonMapper json = JsonMapper.builder().build();
        String stored = """
                {"routing":{"enabled":true,"simpleMaxScore":30,"complexMinScore":65,"longContextChars":12000},
                 "providers":[],
                 "prompt":{"assistantName":"Acme Assistant","tone":"FRIENDLY","customInstructions":null,
                           "greeting":"Hi!","fallbackMessage":"Not sure.","language":"en"},
                 "retrieval":{"fusion":"WEIGHTED","bm25Weight":0.4,"topK":5,"candidates":50,"minScore":0},
                 "confidenceThreshold":0.5}""";

        AssistantConfig c = json.readValue(stored, AssistantConfig.class);

        assertThat(c.retrievalSettings()).isEqualTo(RetrievalSettings.defaults());
        assertThat(c.persona().customInstructions()).isNull();
        assertThat(c.modelSettings().providers()).isEmpty();
    }

    @Test
    void refusesAThresholdOutsideZeroToOne() {
        assertThatThrownBy(() -> AssistantConfig.of(AVA, RETRIEVAL, MODELS, 1.2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(config().withConfidenceThreshold(0.7).confidenceThreshold()).isEqualTo(0.7);
    }
}
