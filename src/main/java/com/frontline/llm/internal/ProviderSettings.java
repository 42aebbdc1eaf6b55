package com.frontline.llm.internal;

import com.frontline.audit.AuditLog;
import com.frontline.llm.ModelSettings;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.NotFoundException;
import com.frontline.shared.TenantId;
import com.frontline.shared.outbound.OutboundGuard;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Providers settings page's operations: providers (keys encrypted, never shown back), their order, routing rules,
 * budget, prices, and this month's usage. Every change is audited in the same transaction, without the key.
 */
@Service
public class ProviderSettings {

    static final int MAX_LABEL = 60;
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,99}");

    private final ProviderRepository providers;
    private final SettingsRepository settings;
    private final UsageRepository usage;
    private final KeyCipher cipher;
    private final ChatModels models;
    private final Breakers breakers;
    private final BudgetGuard budget;
    private final ChainRunner chain;
    private final AuditLog audit;
    private final LlmProperties properties;
    private final OutboundGuard outbound;

    ProviderSettings(ProviderRepository providers, SettingsRepository settings, UsageRepository usage,
                     KeyCipher cipher, ChatModels models, Breakers breakers, BudgetGuard budget, ChainRunner chain,
                     AuditLog audit, LlmProperties properties, OutboundGuard outbound) {
        this.outbound = outbound;
        this.providers = providers;
        this.settings = settings;
        this.usage = usage;
        this.cipher = cipher;
        this.models = models;
        this.breakers = breakers;
        this.budget = budget;
        this.chain = chain;
        this.audit = audit;
        this.properties = properties;
    }

    // ---- providers -------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<ProviderView> providers(TenantId tenant) {
        return providers.findAll(tenant).stream()
                .map(p -> new ProviderView(p, p.apiKeyLast4() == null ? "" : "••••" + p.apiKeyLast4(),
                        breakers.state(tenant, p.id())))
                .toList();
    }

    @Transactional(readOnly = true)
    public ProviderConfig provider(TenantId tenant, UUID id) {
        return providers.find(tenant, id).orElseThrow(() -> new NotFoundException("provider " + id));
    }

    @Transactional
    public ProviderConfig save(CurrentTenant tenant, ProviderForm form) {
        @Nullable ProviderConfig existing = form.id() == null ? null
                : providers.find(tenant.id(), form.id()).orElseThrow(() -> new NotFoundException("provider " + form.id()));
        Map<String, String> errors = new LinkedHashMap<>();
        ProviderKind kind = form.kind();
        if (kind == null) {
            throw InvalidInputException.of("kind", "Choose a provider.");
        }
        if (existing != null && existing.kind() != kind) {
            errors.put("kind", "The provider type cannot change; add a new provider instead.");
        }
        UUID id = existing == null ? UUID.randomUUID() : existing.id();

        String label = trim(form.label());
        if (label.isEmpty()) {
            label = kind.label();
        }
        if (label.length() > MAX_LABEL) {
            errors.put("label", "Use at most " + MAX_LABEL + " characters.");
        } else if (providers.labelTaken(tenant.id(), label, id)) {
            errors.put("label", "Another provider is already called “" + label + "”. Choose another name.");
        }

        String baseUrl = trim(form.baseUrl());
        if (baseUrl.isEmpty() && kind.baseUrlRequired()) {
            errors.put("baseUrl", "Enter the endpoint's base URL, e.g. https://llm.example.com/v1.");
        } else if (baseUrl.isEmpty() && kind.local() && kind.defaultBaseUrl() != null) {
            // Ollama's standard address is this server itself: only usable where the operator allows it
            String problem = outbound.problem(kind.defaultBaseUrl());
            if (problem != null) {
                errors.put("baseUrl", "Ollama's standard address (" + kind.defaultBaseUrl() + ") is this server "
                        + "itself, which the portal calls only if whoever runs it allows that. Enter the address of "
                        + "your Ollama server.");
            }
        } else if (!baseUrl.isEmpty()) {
            // resolves the host: a name or address in a private or special-purpose range is refused here, before any
            // call (and every call checks again, connecting only to the addresses it checked)
            String problem = baseUrl.length() > 300 ? "Use at most 300 characters." : outbound.problem(baseUrl);
            if (problem != null) {
                errors.put("baseUrl", problem);
            }
        }

        String apiKey = trim(form.apiKey());
        if (apiKey.isEmpty() && kind.keyRequired() && (existing == null || !existing.hasKey())) {
            errors.put("apiKey", "Enter the API key from your " + kind.label() + " account.");
        } else if (apiKey.length() > 500 || apiKey.chars().anyMatch(Character::isWhitespace)) {
            errors.put("apiKey", "That does not look like an API key (no spaces, at most 500 characters).");
        }

        String defaultModel = trim(form.defaultModel());
        if (defaultModel.isEmpty()) {
            errors.put("defaultModel", "Enter the model to use, e.g. " + (kind.suggestedModel().isEmpty()
                    ? "the name your endpoint lists" : kind.suggestedModel()) + ".");
        }
        for (var field : Map.of("defaultModel", defaultModel, "cheapModel", trim(form.cheapModel()),
                "strongModel", trim(form.strongModel()), "longContextModel", trim(form.longContextModel())).entrySet()) {
            if (!field.getValue().isEmpty() && !MODEL.matcher(field.getValue()).matches()) {
                errors.putIfAbsent(field.getKey(), "A model name has letters, digits and . _ : / @ + - only.");
            }
        }

        int timeoutSeconds = 30;
        String timeout = trim(form.timeoutSeconds());
        if (!timeout.isEmpty()) {
            try {
                timeoutSeconds = Integer.parseInt(timeout);
                if (timeoutSeconds < 1 || timeoutSeconds > 300) {
                    errors.put("timeoutSeconds", "Use 1 to 300 seconds.");
                }
            } catch (NumberFormatException e) {
                errors.put("timeoutSeconds", "Enter whole seconds, e.g. 30.");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }

        byte[] sealed = apiKey.isEmpty() ? (existing == null ? null : existing.apiKeyCiphertext())
                : cipher.encrypt(tenant.id(), apiKey);
        String last4 = apiKey.isEmpty() ? (existing == null ? null : existing.apiKeyLast4()) : KeyCipher.last4(apiKey);
        ProviderConfig saved = new ProviderConfig(id, kind, label, baseUrl.isEmpty() ? null : baseUrl, sealed, last4,
                defaultModel, blankToNull(form.cheapModel()), blankToNull(form.strongModel()),
                blankToNull(form.longContextModel()), Duration.ofSeconds(timeoutSeconds), form.supportsTools(),
                form.enabled(), existing == null ? providers.nextPriority(tenant.id()) : existing.priority(),
                OffsetDateTime.now());
        if (existing == null) {
            providers.insert(tenant.id(), saved);
            audit.record(tenant.id(), tenant.actor(), "llm.provider_added", label, null, auditView(saved));
        } else {
            providers.update(tenant.id(), saved);
            audit.record(tenant.id(), tenant.actor(), "llm.provider_updated", label, auditView(existing),
                    auditView(saved));
        }
        models.evict(tenant.id(), id);
        breakers.reset(tenant.id(), id);
        return providers.find(tenant.id(), id).orElseThrow();
    }

    @Transactional
    public void delete(CurrentTenant tenant, UUID id) {
        ProviderConfig existing = provider(tenant.id(), id);
        providers.delete(tenant.id(), id);
        audit.record(tenant.id(), tenant.actor(), "llm.provider_deleted", existing.label(), auditView(existing), null);
        models.evict(tenant.id(), id);
        breakers.reset(tenant.id(), id);
    }

    /** Moves a provider one place earlier (up) or later in the failover order. */
    @Transactional
    public void move(CurrentTenant tenant, UUID id, boolean up) {
        List<ProviderConfig> all = new ArrayList<>(providers.findAll(tenant.id()));
        int index = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                index = i;
            }
        }
        if (index < 0) {
            throw new NotFoundException("provider " + id);
        }
        int other = up ? index - 1 : index + 1;
        if (other < 0 || other >= all.size()) {
            return;
        }
        all.add(other, all.remove(index));
        for (int i = 0; i < all.size(); i++) {
            providers.setPriority(tenant.id(), all.get(i).id(), i + 1);
        }
        audit.record(tenant.id(), tenant.actor(), "llm.provider_reordered", all.get(other).label(), null,
                Map.of("order", all.stream().map(ProviderConfig::label).toList()));
    }

    /** Sends a one-word prompt to the provider's default model; a success also closes its circuit. */
    public ConnectionTest test(CurrentTenant tenant, UUID id) {
        ProviderConfig p = provider(tenant.id(), id);
        Duration timeout = p.timeout().compareTo(properties.testTimeout()) < 0 ? p.timeout() : properties.testTimeout();
        ChainRunner.HopResult r = chain.test(tenant.id(), p, timeout);
        if (r.outcome().success()) {
            return new ConnectionTest(true, "Connected: %s answered in %,d ms.".formatted(p.defaultModel(),
                    r.latencyMs()));
        }
        return new ConnectionTest(false, switch (r.outcome()) {
            case TIMEOUT -> "No answer within %d s. Check the base URL and the timeout.".formatted(timeout.toSeconds());
            case EMPTY -> "The provider answered, but with no text. Check the model name.";
            default -> String.valueOf(r.error());
        });
    }

    // ---- what an assistant version keeps ------------------------------------------------------------------------

    /** The routing rules and the enabled providers in failover order with their models, as saved now. */
    @Transactional(readOnly = true)
    public ModelSettings modelSettings(TenantId tenant) {
        LlmSettings rules = settings.find(tenant);
        return new ModelSettings(new ModelSettings.Routing(rules.routingEnabled(), rules.simpleMaxScore(),
                rules.complexMinScore(), rules.longContextChars()),
                providers.findAll(tenant).stream().filter(ProviderConfig::enabled).map(ProviderConfig::choice)
                        .toList());
    }

    /**
     * Saves the given routing rules and chain (restoring an assistant version): the budget stays; the listed
     * providers are enabled in the listed order with the listed models, hand-over tool and name (unless another
     * provider took the name meanwhile); the others are disabled and follow in their order. Keys, addresses and
     * timeouts stay as they are.
     *
     * @return the names of listed providers that were deleted since
     */
    @Transactional
    public List<String> restore(CurrentTenant tenant, ModelSettings wanted) {
        LlmSettings rulesBefore = settings.find(tenant.id());
        ModelSettings.Routing r = wanted.routing();
        settings.save(tenant.id(), new LlmSettings(r.enabled(), r.simpleMaxScore(), r.complexMinScore(),
                r.longContextChars(), rulesBefore.monthlyBudgetUsd()));
        List<ProviderConfig> before = providers.findAll(tenant.id());
        Map<UUID, ProviderConfig> saved = new LinkedHashMap<>();
        before.forEach(p -> saved.put(p.id(), p));
        List<String> gone = new ArrayList<>();
        Set<UUID> placed = new LinkedHashSet<>();
        int priority = 1;
        for (ModelSettings.Choice choice : wanted.providers()) {
            ProviderConfig p = saved.get(choice.providerId());
            if (p == null) {
                gone.add(ModelSettings.displayName(choice.kind(), choice.label()));
                continue;
            }
            String label = choice.label().equals(p.label()) || choice.label().isBlank()
                    || choice.label().length() > MAX_LABEL
                    || providers.labelTaken(tenant.id(), choice.label(), p.id()) ? p.label() : choice.label();
            ProviderConfig restored = p.as(choice, priority++);
            providers.update(tenant.id(), new ProviderConfig(p.id(), p.kind(), label, p.baseUrl(),
                    p.apiKeyCiphertext(), p.apiKeyLast4(), restored.defaultModel(), restored.cheapModel(),
                    restored.strongModel(), restored.longContextModel(), p.timeout(), restored.supportsTools(), true,
                    restored.priority(), OffsetDateTime.now()));
            placed.add(p.id());
        }
        for (ProviderConfig p : before) {
            if (!placed.contains(p.id())) {
                providers.update(tenant.id(), new ProviderConfig(p.id(), p.kind(), p.label(), p.baseUrl(),
                        p.apiKeyCiphertext(), p.apiKeyLast4(), p.defaultModel(), p.cheapModel(), p.strongModel(),
                        p.longContextModel(), p.timeout(), p.supportsTools(), false, priority++, OffsetDateTime.now()));
            }
        }
        before.forEach(p -> {
            models.evict(tenant.id(), p.id());
            breakers.reset(tenant.id(), p.id());
        });
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("routing", r);
        after.put("chain", wanted.providers().stream().map(c -> ModelSettings.displayName(c.kind(), c.label()))
                .toList());
        if (!gone.isEmpty()) {
            after.put("deletedSince", gone);
        }
        audit.record(tenant.id(), tenant.actor(), "llm.settings_restored", null,
                Map.of("routing", rulesBefore, "chain", before.stream().filter(ProviderConfig::enabled)
                        .map(ChainRunner::name).toList()), after);
        return gone;
    }

    // ---- routing and budget ----------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public LlmSettings settings(TenantId tenant) {
        return settings.find(tenant);
    }

    @Transactional
    public LlmSettings saveRouting(CurrentTenant tenant, RoutingForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        int simple = integer(form.simpleMaxScore(), "simpleMaxScore", 0, 100, errors);
        int complex = integer(form.complexMinScore(), "complexMinScore", 0, 100, errors);
        int longContext = integer(form.longContextChars(), "longContextChars", 1_000, 2_000_000, errors);
        if (!errors.containsKey("simpleMaxScore") && !errors.containsKey("complexMinScore") && simple >= complex) {
            errors.put("complexMinScore", "Must be higher than the simple threshold (" + simple + ").");
        }
        BigDecimal budgetUsd = null;
        String rawBudget = trim(form.monthlyBudget()).replace("$", "").replace(",", "");
        if (!rawBudget.isEmpty()) {
            budgetUsd = decimal(rawBudget, "monthlyBudget", new BigDecimal("1000000"), errors);
            if (!errors.containsKey("monthlyBudget") && budgetUsd.stripTrailingZeros().scale() > 2) {
                errors.put("monthlyBudget", "Use whole cents, e.g. 25.50.");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LlmSettings before = settings.find(tenant.id());
        LlmSettings after = new LlmSettings(form.routingEnabled(), simple, complex, longContext,
                budgetUsd == null ? null : budgetUsd.setScale(2, java.math.RoundingMode.UNNECESSARY));
        settings.save(tenant.id(), after);
        audit.record(tenant.id(), tenant.actor(), "llm.routing_updated", null, before, after);
        return after;
    }

    @Transactional(readOnly = true)
    public BudgetStatus budget(TenantId tenant) {
        return budget.check(tenant);
    }

    // ---- prices ----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PriceTable prices(TenantId tenant) {
        return new PriceTable(settings.prices(tenant));
    }

    @Transactional
    public void savePrice(CurrentTenant tenant, String rawModel, String input, String output) {
        Map<String, String> errors = new LinkedHashMap<>();
        String model = trim(rawModel).toLowerCase(Locale.ROOT);
        if (!MODEL.matcher(model).matches()) {
            errors.put("priceModel", "Enter a model name (letters, digits and . _ : / @ + -).");
        }
        BigDecimal in = decimal(trim(input), "priceInput", new BigDecimal("10000"), errors);
        BigDecimal out = decimal(trim(output), "priceOutput", new BigDecimal("10000"), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        settings.savePrice(tenant.id(), model, in, out);
        audit.record(tenant.id(), tenant.actor(), "llm.price_updated", model, null,
                Map.of("inputPerMtok", in, "outputPerMtok", out));
    }

    @Transactional
    public void resetPrice(CurrentTenant tenant, String model) {
        if (settings.deletePrice(tenant.id(), model)) {
            audit.record(tenant.id(), tenant.actor(), "llm.price_reset", model, null, null);
        }
    }

    // ---- usage -----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public UsageSummary usage(TenantId tenant) {
        OffsetDateTime since = budget.monthStart();
        List<UsageLine> lines = usage.summary(tenant, since);
        PriceTable prices = prices(tenant);
        Set<String> unpriced = new LinkedHashSet<>();
        for (ProviderConfig p : providers.findAll(tenant)) {
            if (p.kind().local()) {
                continue;
            }
            for (Route r : List.of(Route.SIMPLE, Route.DEFAULT, Route.COMPLEX, Route.LONG_CONTEXT)) {
                if (prices.price(p.modelFor(r)).isEmpty()) {
                    unpriced.add(p.modelFor(r));
                }
            }
        }
        return new UsageSummary(since, lines, usage.total(tenant, since), budget.check(tenant),
                usage.recent(tenant, 12), unpriced);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static Map<String, Object> auditView(ProviderConfig p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", p.kind().name());
        m.put("label", p.label());
        m.put("baseUrl", p.baseUrl());
        m.put("apiKey", p.apiKeyLast4() == null ? null : "••••" + p.apiKeyLast4());
        m.put("defaultModel", p.defaultModel());
        m.put("cheapModel", p.cheapModel());
        m.put("strongModel", p.strongModel());
        m.put("longContextModel", p.longContextModel());
        m.put("timeoutSeconds", p.timeout().toSeconds());
        m.put("supportsTools", p.supportsTools());
        m.put("enabled", p.enabled());
        return m;
    }

    private static int integer(@Nullable String raw, String field, int min, int max, Map<String, String> errors) {
        try {
            int value = Integer.parseInt(trim(raw).replace(",", ""));
            if (value < min || value > max) {
                errors.put(field, "Use a number from %,d to %,d.".formatted(min, max));
            }
            return value;
        } catch (NumberFormatException e) {
            errors.put(field, "Enter a whole number.");
            return 0;
        }
    }

    private static BigDecimal decimal(String raw, String field, BigDecimal max, Map<String, String> errors) {
        try {
            BigDecimal value = new BigDecimal(raw);
            if (value.signum() < 0 || value.compareTo(max) > 0) {
                errors.put(field, "Use an amount from 0 to " + max.toPlainString() + ".");
            }
            return value;
        } catch (NumberFormatException e) {
            errors.put(field, "Enter an amount such as 12.50.");
            return BigDecimal.ZERO;
        }
    }

    private static String trim(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
