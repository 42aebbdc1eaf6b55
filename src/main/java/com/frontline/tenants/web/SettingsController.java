package com.frontline.tenants.web;

import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.PortalProperties;
import com.frontline.shared.Role;
import com.frontline.shared.web.RequiresRole;
import com.frontline.tenants.BrandColors;
import com.frontline.tenants.Branding;
import com.frontline.tenants.Languages;
import com.frontline.tenants.Persona;
import com.frontline.tenants.Sectors;
import com.frontline.tenants.TenantService;
import com.frontline.tenants.Tone;
import com.frontline.tenants.WidgetPosition;
import com.frontline.tenants.Workspace;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.io.IOException;
import java.util.Map;

/**
 * The workspace's settings screens. Persona, branding and widget double as wizard steps 2 to 4: the same handler
 * serves {@code /setup/x} (saving moves to the next step) and {@code /settings/x} (saving stays, with a notice).
 */
@Controller
@RequiresRole(Role.ADMIN)
class SettingsController {

    private final TenantService tenants;
    private final PortalProperties portal;

    SettingsController(TenantService tenants, PortalProperties portal) {
        this.tenants = tenants;
        this.portal = portal;
    }

    // ---- workspace -------------------------------------------------------------------------------------------

    record WorkspaceForm(String name, String sector) {
    }

    @GetMapping("/w/{slug}/settings/workspace")
    String workspace(CurrentTenant tenant, Model model) {
        Workspace w = tenants.workspace(tenant.id());
        return workspacePage(model, new WorkspaceForm(w.name(), w.sector()), Map.of());
    }

    @PostMapping("/w/{slug}/settings/workspace")
    String saveWorkspace(CurrentTenant tenant, @ModelAttribute WorkspaceForm form, Model model,
                         HttpServletResponse response, RedirectAttributes redirect) {
        try {
            tenants.updateWorkspace(tenant, form.name(), form.sector());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return workspacePage(model, form, e.errors());
        }
        redirect.addFlashAttribute("notice", "Workspace details saved.");
        return "redirect:/w/" + tenant.slug() + "/settings/workspace";
    }

    private String workspacePage(Model model, WorkspaceForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sectors", Sectors.ALL);
        model.addAttribute("mode", ScreenMode.SETTINGS);
        model.addAttribute("section", "workspace");
        return "tenants/workspace";
    }

    // ---- persona ---------------------------------------------------------------------------------------------

    record PersonaForm(String assistantName, @Nullable Tone tone, String customInstructions, String greeting,
                       String fallbackMessage, String language) {
        static PersonaForm of(Persona p) {
            return new PersonaForm(p.assistantName(), p.tone(),
                    p.customInstructions() == null ? "" : p.customInstructions(), p.greeting(), p.fallbackMessage(),
                    p.language());
        }

        Persona toPersona() {
            return new Persona(assistantName, tone, customInstructions, greeting, fallbackMessage, language);
        }
    }

    @GetMapping({"/w/{slug}/setup/persona", "/w/{slug}/settings/persona"})
    String persona(CurrentTenant tenant, Model model, HttpServletRequest request) {
        return personaPage(model, ScreenMode.of(request), PersonaForm.of(tenants.persona(tenant.id())), Map.of());
    }

    @PostMapping({"/w/{slug}/setup/persona", "/w/{slug}/settings/persona"})
    String savePersona(CurrentTenant tenant, @ModelAttribute PersonaForm form, Model model, HttpServletRequest request,
                       HttpServletResponse response, RedirectAttributes redirect) {
        ScreenMode mode = ScreenMode.of(request);
        try {
            tenants.updatePersona(tenant, form.toPersona());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return personaPage(model, mode, form, e.errors());
        }
        return afterSave(tenant, mode, SetupStep.PERSONA, "Persona saved.", redirect);
    }

    private String personaPage(Model model, ScreenMode mode, PersonaForm form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("tones", Tone.values());
        model.addAttribute("languages", Languages.ALL);
        return screen(model, mode, SetupStep.PERSONA, "tenants/persona");
    }

    // ---- branding --------------------------------------------------------------------------------------------

    record BrandingForm(String primaryColor, @Nullable WidgetPosition widgetPosition) {
    }

    @GetMapping({"/w/{slug}/setup/branding", "/w/{slug}/settings/branding"})
    String branding(CurrentTenant tenant, Model model, HttpServletRequest request) {
        Branding b = tenants.branding(tenant.id());
        // after a logo upload or removal: the colour and position the admin had typed but not saved yet
        BrandingForm form = model.getAttribute(UNSAVED_BRANDING) instanceof BrandingForm unsaved ? unsaved
                : new BrandingForm(b.primaryColor(), b.widgetPosition());
        return brandingPage(tenant, model, ScreenMode.of(request), form, Map.of());
    }

    private static final String UNSAVED_BRANDING = "unsavedBranding";

    @PostMapping({"/w/{slug}/setup/branding", "/w/{slug}/settings/branding"})
    String saveBranding(CurrentTenant tenant, @ModelAttribute BrandingForm form, Model model,
                        HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        ScreenMode mode = ScreenMode.of(request);
        try {
            tenants.updateBranding(tenant, form.primaryColor(), form.widgetPosition());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return brandingPage(tenant, model, mode, form, e.errors());
        }
        return afterSave(tenant, mode, SetupStep.BRANDING, "Branding saved.", redirect);
    }

    /** Live preview while the admin picks a colour or position; nothing is saved. */
    @HxRequest
    @PostMapping("/w/{slug}/settings/branding/preview")
    String previewBranding(CurrentTenant tenant, @ModelAttribute BrandingForm form, Model model) {
        Branding saved = tenants.branding(tenant.id());
        String color = BrandColors.normalize(form.primaryColor()).orElse(saved.primaryColor());
        WidgetPosition position = form.widgetPosition() == null ? saved.widgetPosition() : form.widgetPosition();
        model.addAttribute("preview", new Branding(color, position, saved.logoVersion()));
        model.addAttribute("persona", tenants.persona(tenant.id()));
        return "tenants/branding :: brand-preview";
    }

    /**
     * Uploads the logo alone. The form carries the colour and position as they are on the page (possibly unsaved):
     * they are shown again afterwards, still unsaved, instead of being reset to the saved ones.
     */
    @PostMapping({"/w/{slug}/setup/branding/logo", "/w/{slug}/settings/branding/logo"})
    String uploadLogo(CurrentTenant tenant, @RequestParam(name = "logo", required = false) @Nullable MultipartFile file,
                      @ModelAttribute BrandingForm carried, Model model, HttpServletRequest request,
                      HttpServletResponse response, RedirectAttributes redirect) throws IOException {
        ScreenMode mode = ScreenMode.of(request);
        BrandingForm form = withSavedDefaults(tenant, carried);
        if (file == null) {
            response.setStatus(422);
            return brandingPage(tenant, model, mode, form, Map.of("logo", "Choose a logo file to upload."));
        }
        if (file.isEmpty()) {
            response.setStatus(422);
            return brandingPage(tenant, model, mode, form, Map.of("logo", "Choose a logo file to upload."));
        }
        if (file.getSize() > 1024 * 1024) {
            response.setStatus(422);
            return brandingPage(tenant, model, mode, form, Map.of("logo",
                    "That file is %,d KB; logos can be at most 1,024 KB.".formatted(file.getSize() / 1024)));
        }
        try {
            tenants.uploadLogo(tenant, file.getBytes(), file.getOriginalFilename() == null ? "logo"
                    : file.getOriginalFilename());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return brandingPage(tenant, model, mode, form, e.errors());
        }
        return afterLogoChange(tenant, mode, form, "Logo uploaded.", redirect);
    }

    @PostMapping({"/w/{slug}/setup/branding/logo/remove", "/w/{slug}/settings/branding/logo/remove"})
    String removeLogo(CurrentTenant tenant, @ModelAttribute BrandingForm carried, HttpServletRequest request,
                      RedirectAttributes redirect) {
        tenants.removeLogo(tenant);
        return afterLogoChange(tenant, ScreenMode.of(request), withSavedDefaults(tenant, carried), "Logo removed.",
                redirect);
    }

    private String afterLogoChange(CurrentTenant tenant, ScreenMode mode, BrandingForm form, String notice,
                                   RedirectAttributes redirect) {
        Branding saved = tenants.branding(tenant.id());
        boolean unsaved = !saved.primaryColor().equalsIgnoreCase(form.primaryColor().strip())
                || saved.widgetPosition() != form.widgetPosition();
        if (unsaved) {
            redirect.addFlashAttribute(UNSAVED_BRANDING, form);
        }
        redirect.addFlashAttribute("notice", unsaved ? notice + " Your colour and position changes are not saved "
                + "yet: save them below." : notice);
        return "redirect:/w/" + tenant.slug() + (mode.isSetup() ? "/setup" : "/settings") + "/branding";
    }

    /** The carried form, with the saved value for whatever the request did not carry (a client without script). */
    private BrandingForm withSavedDefaults(CurrentTenant tenant, BrandingForm carried) {
        Branding saved = tenants.branding(tenant.id());
        return new BrandingForm(carried.primaryColor() == null || carried.primaryColor().isBlank()
                ? saved.primaryColor() : carried.primaryColor(),
                carried.widgetPosition() == null ? saved.widgetPosition() : carried.widgetPosition());
    }

    private String brandingPage(CurrentTenant tenant, Model model, ScreenMode mode, BrandingForm form,
                                Map<String, String> errors) {
        Branding saved = tenants.branding(tenant.id());
        String color = BrandColors.normalize(form.primaryColor()).orElse(saved.primaryColor());
        WidgetPosition position = form.widgetPosition() == null ? saved.widgetPosition() : form.widgetPosition();
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("branding", saved);
        model.addAttribute("preview", new Branding(color, position, saved.logoVersion()));
        model.addAttribute("persona", tenants.persona(tenant.id()));
        model.addAttribute("positions", WidgetPosition.values());
        return screen(model, mode, SetupStep.BRANDING, "tenants/branding");
    }

    // ---- widget ----------------------------------------------------------------------------------------------

    @GetMapping({"/w/{slug}/setup/widget", "/w/{slug}/settings/widget"})
    String widget(CurrentTenant tenant, Model model, HttpServletRequest request) {
        var widget = tenants.widget(tenant.id());
        return widgetPage(tenant, model, ScreenMode.of(request), String.join("\n", widget.allowedOrigins()),
                Map.of());
    }

    @PostMapping({"/w/{slug}/setup/widget", "/w/{slug}/settings/widget"})
    String saveWidget(CurrentTenant tenant, @RequestParam(defaultValue = "") String origins, Model model,
                      HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        ScreenMode mode = ScreenMode.of(request);
        try {
            tenants.updateOrigins(tenant, origins);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return widgetPage(tenant, model, mode, origins, e.errors());
        }
        return afterSave(tenant, mode, SetupStep.WIDGET, "Allowed websites saved.", redirect);
    }

    @PostMapping({"/w/{slug}/setup/widget/rotate-key", "/w/{slug}/settings/widget/rotate-key"})
    String rotateKey(CurrentTenant tenant, HttpServletRequest request, RedirectAttributes redirect) {
        tenants.rotateWidgetKey(tenant);
        redirect.addFlashAttribute("notice",
                "New widget key created. Update the snippet on your website: the old key no longer works.");
        return "redirect:/w/" + tenant.slug() + (ScreenMode.of(request).isSetup() ? "/setup" : "/settings")
                + "/widget";
    }

    private String widgetPage(CurrentTenant tenant, Model model, ScreenMode mode, String originsText,
                              Map<String, String> errors) {
        var widget = tenants.widget(tenant.id());
        model.addAttribute("widget", widget);
        model.addAttribute("originsText", originsText);
        model.addAttribute("errors", errors);
        model.addAttribute("snippet", snippet(widget.publicKey()));
        return screen(model, mode, SetupStep.WIDGET, "tenants/widget");
    }

    String snippet(String publicKey) {
        return "<script src=\"" + baseUrl(portal) + "/widget.js\" data-key=\"" + publicKey + "\" async></script>";
    }

    static String baseUrl(PortalProperties portal) {
        String configured = portal.publicUrl();
        String base = configured != null && !configured.isBlank() ? configured
                : ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    // ---- shared ----------------------------------------------------------------------------------------------

    private String afterSave(CurrentTenant tenant, ScreenMode mode, SetupStep step, String notice,
                             RedirectAttributes redirect) {
        if (mode.isSetup()) {
            return "redirect:/w/" + tenant.slug() + "/setup/" + step.next().path();
        }
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/w/" + tenant.slug() + "/settings/" + step.path();
    }

    static String screen(Model model, ScreenMode mode, SetupStep step, String view) {
        model.addAttribute("mode", mode);
        model.addAttribute("steps", SetupStep.ALL);
        model.addAttribute("step", step);
        model.addAttribute("section", step.path());
        return view;
    }
}
