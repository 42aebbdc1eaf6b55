package com.frontline.assistants;

import com.frontline.llm.ModelSettings;
import com.frontline.tenants.Persona;
import com.frontline.tenants.Tone;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.frontline.assistants.AssistantConfigTest.AVA;
import static com.frontline.assistants.AssistantConfigTest.BACKUP;
import static com.frontline.assistants.AssistantConfigTest.MAIN;
import static com.frontline.assistants.AssistantConfigTest.MODELS;
import static com.frontline.assistants.AssistantConfigTest.RETRIEVAL;
import static com.frontline.assistants.AssistantConfigTest.config;
import static org.assertj.core.api.Assertions.assertThat;

/** Configurations as people read them, and compared field by field. */
class ConfigFieldsTest {

    @Test
    void aConfigurationReadsFieldByFieldWithLabels() {
        List<ConfigFields.Field> fields = ConfigFields.of(config());

        assertThat(fields).extracting(ConfigFields.Field::section).containsSubsequence("Persona", "Routing",
                "AI providers", "Search", "Confidence");
        assertThat(fields).contains(
                new ConfigFields.Field("Persona", "Tone", "Formal"),
                new ConfigFields.Field("Persona", "Language", "German"),
                new ConfigFields.Field("Routing", "Route questions by complexity", "Off"),
                new ConfigFields.Field("Routing", "Long-context model from", "9,000 characters"),
                new ConfigFields.Field("AI providers", "Failover order", "OpenAI (Main) → Anthropic"),
                new ConfigFields.Field("AI providers", "OpenAI (Main): complex questions", "gpt-4o"),
                new ConfigFields.Field("AI providers", "Anthropic: simple questions", "Default model"),
                new ConfigFields.Field("AI providers", "Anthropic: may hand over to a person", "No"),
                new ConfigFields.Field("Search", "Fusion", "Reciprocal rank fusion"),
                new ConfigFields.Field("Search", "Word-match (BM25) weight", "0.35"),
                new ConfigFields.Field("Confidence", "Confidence threshold", "45 %"));
    }

    @Test
    void theSameConfigurationHasNoChanges() {
        assertThat(ConfigFields.changes(config(), config())).isEmpty();
        assertThat(ConfigFields.compare(config(), config())).isNotEmpty().noneMatch(FieldDiff::changed);
    }

    @Test
    void aChangedThresholdAndToneShowOldAndNew() {
        AssistantConfig before = config();
        Persona friendly = new Persona(AVA.assistantName(), Tone.FRIENDLY, AVA.customInstructions(), AVA.greeting(),
                AVA.fallbackMessage(), AVA.language());
        AssistantConfig after = AssistantConfig.of(friendly, RETRIEVAL, MODELS, 0.6);

        assertThat(ConfigFields.changes(before, after)).containsExactly(
                new FieldDiff("Persona", "Tone", "Formal", "Friendly"),
                new FieldDiff("Confidence", "Confidence threshold", "45 %", "60 %"));
    }

    @Test
    void aProviderOnOneSideOnlyIsNotInTheChainOnTheOther() {
        AssistantConfig both = config();
        AssistantConfig mainOnly = AssistantConfig.of(AVA, RETRIEVAL, new ModelSettings(MODELS.routing(),
                List.of(MODELS.providers().getFirst())), 0.45);

        List<FieldDiff> changes = ConfigFields.changes(both, mainOnly);

        assertThat(changes).contains(
                new FieldDiff("AI providers", "Failover order", "OpenAI (Main) → Anthropic", "OpenAI (Main)"),
                new FieldDiff("AI providers", "Anthropic: default model", "claude-3-5-haiku",
                        ConfigFields.NOT_IN_CHAIN));
        assertThat(changes).noneMatch(d -> d.label().startsWith("OpenAI (Main):"));
        // the other way round the same fields, reversed
        assertThat(ConfigFields.changes(mainOnly, both)).extracting(FieldDiff::after)
                .containsExactlyElementsOf(changes.stream().map(FieldDiff::before).toList());
    }

    @Test
    void noProviderMeansTheOfflineAnswerer() {
        AssistantConfig offline = AssistantConfig.of(AVA, RETRIEVAL, new ModelSettings(MODELS.routing(), List.of()),
                0.45);
        assertThat(ConfigFields.of(offline)).contains(new ConfigFields.Field("AI providers", "Failover order",
                "None: the offline answerer answers"));
    }

    @Test
    void valuesAreWrittenExactlySoThatNoDifferenceHides() {
        assertThat(ConfigFields.exact(0.4)).isEqualTo("0.4");
        assertThat(ConfigFields.exact(0.405)).isEqualTo("0.405");
        assertThat(ConfigFields.exact(0.0)).isEqualTo("0");
        assertThat(ConfigFields.percent(0.5)).isEqualTo("50 %");
        assertThat(ConfigFields.percent(0.455)).isEqualTo("45.5 %");
        assertThat(ConfigFields.percent(0)).isEqualTo("0 %");
    }

    /** Every single change anywhere in the configuration shows in at least one field. */
    @Test
    void everyKindOfChangeIsVisible() {
        AssistantConfig base = config();
        AssistantConfig.Prompt p = base.prompt();
        AssistantConfig.Routing r = base.routing();
        AssistantConfig.Retrieval s = base.retrieval();
        AssistantConfig.Provider x = base.providers().getFirst();
        List<AssistantConfig> variants = new ArrayList<>();
        for (AssistantConfig.Prompt q : List.of(
                new AssistantConfig.Prompt("Bea", p.tone(), p.customInstructions(), p.greeting(), p.fallbackMessage(),
                        p.language()),
                new AssistantConfig.Prompt(p.assistantName(), "CONCISE", p.customInstructions(), p.greeting(),
                        p.fallbackMessage(), p.language()),
                new AssistantConfig.Prompt(p.assistantName(), p.tone(), null, p.greeting(), p.fallbackMessage(),
                        p.language()),
                new AssistantConfig.Prompt(p.assistantName(), p.tone(), p.customInstructions(), "Hello!",
                        p.fallbackMessage(), p.language()),
                new AssistantConfig.Prompt(p.assistantName(), p.tone(), p.customInstructions(), p.greeting(),
                        "Sorry.", p.language()),
                new AssistantConfig.Prompt(p.assistantName(), p.tone(), p.customInstructions(), p.greeting(),
                        p.fallbackMessage(), "fr"))) {
            variants.add(new AssistantConfig(r, base.providers(), q, s, 0.45));
        }
        for (AssistantConfig.Routing q : List.of(new AssistantConfig.Routing(true, 25, 70, 9_000),
                new AssistantConfig.Routing(false, 26, 70, 9_000), new AssistantConfig.Routing(false, 25, 71, 9_000),
                new AssistantConfig.Routing(false, 25, 70, 9_001))) {
            variants.add(new AssistantConfig(q, base.providers(), p, s, 0.45));
        }
        for (AssistantConfig.Retrieval q : List.of(new AssistantConfig.Retrieval("WEIGHTED", 0.35, 4, 60, 0.05),
                new AssistantConfig.Retrieval("RRF", 0.351, 4, 60, 0.05),
                new AssistantConfig.Retrieval("RRF", 0.35, 5, 60, 0.05),
                new AssistantConfig.Retrieval("RRF", 0.35, 4, 61, 0.05),
                new AssistantConfig.Retrieval("RRF", 0.35, 4, 60, 0.051))) {
            variants.add(new AssistantConfig(r, base.providers(), p, q, 0.45));
        }
        for (AssistantConfig.Provider q : List.of(
                new AssistantConfig.Provider(x.id(), x.kind(), "Primary", x.defaultModel(), x.cheapModel(),
                        x.strongModel(), x.longContextModel(), x.handoffTool()),
                new AssistantConfig.Provider(x.id(), x.kind(), x.label(), "gpt-4.1", x.cheapModel(), x.strongModel(),
                        x.longContextModel(), x.handoffTool()),
                new AssistantConfig.Provider(x.id(), x.kind(), x.label(), x.defaultModel(), null, x.strongModel(),
                        x.longContextModel(), x.handoffTool()),
                new AssistantConfig.Provider(x.id(), x.kind(), x.label(), x.defaultModel(), x.cheapModel(), "o3",
                        x.longContextModel(), x.handoffTool()),
                new AssistantConfig.Provider(x.id(), x.kind(), x.label(), x.defaultModel(), x.cheapModel(),
                        x.strongModel(), "gpt-4.1", x.handoffTool()),
                new AssistantConfig.Provider(x.id(), x.kind(), x.label(), x.defaultModel(), x.cheapModel(),
                        x.strongModel(), x.longContextModel(), false),
                new AssistantConfig.Provider(UUID.randomUUID(), x.kind(), x.label(), x.defaultModel(),
                        x.cheapModel(), x.strongModel(), x.longContextModel(), x.handoffTool()))) {
            variants.add(new AssistantConfig(r, List.of(q, base.providers().get(1)), p, s, 0.45));
        }
        variants.add(new AssistantConfig(r, base.providers().reversed(), p, s, 0.45));
        variants.add(base.withConfidenceThreshold(0.451));

        assertThat(variants).allSatisfy(v -> {
            assertThat(v).isNotEqualTo(base);
            assertThat(ConfigFields.changes(base, v)).as("changes from %s", v).isNotEmpty();
        });
    }

    @Test
    void providersKeepTheirNamesInTheLabels() {
        AssistantConfig c = config();
        assertThat(ConfigFields.of(c)).extracting(ConfigFields.Field::label)
                .contains("OpenAI (Main): default model", "Anthropic: default model");
        assertThat(c.providers()).extracting(AssistantConfig.Provider::id).containsExactly(MAIN, BACKUP);
    }
}
