package com.frontline.accounts.web;

import com.frontline.accounts.AccountDetails;
import com.frontline.accounts.AccountOverview;
import com.frontline.accounts.AccountsService;
import com.frontline.accounts.PendingUpload;
import com.frontline.accounts.importing.HealthScores;
import com.frontline.accounts.importing.KpiTemplates;
import com.frontline.accounts.importing.StandardField;
import com.frontline.accounts.importing.ValidationReport;
import com.frontline.accounts.importing.ValidationReportCsv;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.InvalidInputException;
import com.frontline.shared.Role;
import com.frontline.shared.UserFacingException;
import com.frontline.shared.web.RequiresRole;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

@Controller
class AccountsController {

    static final int PROBLEMS_SHOWN = 200;

    private final AccountsService accounts;

    AccountsController(AccountsService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/w/{slug}/accounts")
    @RequiresRole(Role.VIEWER)
    String list(CurrentTenant tenant, Model model) {
        List<AccountOverview> overview = accounts.overview(tenant.id());
        model.addAttribute("accounts", overview);
        model.addAttribute("bars", Charts.healthBars(overview, "/w/" + tenant.slug() + "/accounts"));
        model.addAttribute("versions", accounts.dataVersions(tenant.id()));
        model.addAttribute("formula", HealthScores.FORMULA_DESCRIPTION);
        model.addAttribute("section", "accounts");
        return "accounts/accounts";
    }

    @GetMapping("/w/{slug}/accounts/{accountId}")
    @RequiresRole(Role.VIEWER)
    String account(CurrentTenant tenant, @PathVariable UUID accountId, Model model) {
        AccountDetails details = accounts.account(tenant.id(), accountId);
        model.addAttribute("account", details);
        model.addAttribute("lines", details.series().entrySet().stream()
                .map(e -> Charts.line(e.getKey(), e.getValue())).toList());
        model.addAttribute("chartWidth", Charts.WIDTH);
        model.addAttribute("chartHeight", Charts.HEIGHT);
        model.addAttribute("formula", HealthScores.FORMULA_DESCRIPTION);
        model.addAttribute("section", "accounts");
        return "accounts/account";
    }

    @PostMapping("/w/{slug}/accounts/uploads")
    @RequiresRole(Role.ADMIN)
    String upload(CurrentTenant tenant, @RequestParam(name = "file", required = false) MultipartFile file,
                  RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", "Choose a spreadsheet (.xlsx or .csv) to upload.");
            return "redirect:/w/" + tenant.slug() + "/accounts";
        }
        try {
            PendingUpload pending = accounts.validate(tenant, file.getOriginalFilename(), file.getBytes());
            return "redirect:/w/" + tenant.slug() + "/accounts/uploads/" + pending.id();
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", file.getOriginalFilename() + ": " + e.getMessage());
            return "redirect:/w/" + tenant.slug() + "/accounts";
        }
    }

    /** The report; {@code format} names the tenant format the admin mapped (so reloading shows the same report). */
    @GetMapping("/w/{slug}/accounts/uploads/{uploadId}")
    @RequiresRole(Role.ADMIN)
    String report(CurrentTenant tenant, @PathVariable UUID uploadId,
                  @RequestParam(required = false) @Nullable String format, Model model) {
        return reportPage(model, accounts.pending(tenant.id(), uploadId, format), format, Map.of(), Map.of());
    }

    /** Saves the mapping, then redirects to the report read with it (post-redirect-get: reloading is a GET). */
    @PostMapping("/w/{slug}/accounts/uploads/{uploadId}/mapping")
    @RequiresRole(Role.ADMIN)
    String mapping(CurrentTenant tenant, @PathVariable UUID uploadId, @RequestParam Map<String, String> form,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        @Nullable String shown = form.get("format");
        Map<Integer, String> roles = new TreeMap<>();
        Map<String, String> submitted = new LinkedHashMap<>();
        boolean tampered = false;
        for (Map.Entry<String, String> entry : form.entrySet()) {
            if (!entry.getKey().startsWith("col:")) {
                continue;
            }
            submitted.put(entry.getKey(), entry.getValue());
            try {
                roles.put(Integer.parseInt(entry.getKey().substring(4)), entry.getValue());
            } catch (NumberFormatException e) {
                tampered = true;
            }
        }
        try {
            if (tampered) {
                throw InvalidInputException.of("mapping", "The form was changed; reload the page and map the columns "
                        + "shown.");
            }
            String name = accounts.applyMapping(tenant, uploadId, shown, form.getOrDefault("formatName", ""), roles);
            redirect.addAttribute("format", name);
            redirect.addFlashAttribute("notice", "Saved the format “" + name + "”; files with these columns are "
                    + "recognised from now on.");
            return "redirect:/w/" + tenant.slug() + "/accounts/uploads/" + uploadId;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formatName", form.getOrDefault("formatName", ""));
            return reportPage(model, accounts.pending(tenant.id(), uploadId, shown), shown, e.errors(), submitted);
        }
    }

    @PostMapping("/w/{slug}/accounts/uploads/{uploadId}/confirm")
    @RequiresRole(Role.ADMIN)
    String confirm(CurrentTenant tenant, @PathVariable UUID uploadId,
                   @RequestParam(required = false) @Nullable String format, RedirectAttributes redirect) {
        try {
            AccountsService.Confirmed done = accounts.confirm(tenant, uploadId, format);
            redirect.addFlashAttribute("notice", "Imported %s for %s as data version %d%s."
                    .formatted(count(done.kpis(), "KPI value"), count(done.accounts(), "account"), done.dataVersion(),
                            done.skippedRows() > 0 ? " (" + count(done.skippedRows(), "row") + " with problems skipped)"
                                    : ""));
            return "redirect:/w/" + tenant.slug() + "/accounts";
        } catch (UserFacingException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            if (format != null && !format.isBlank()) {
                redirect.addAttribute("format", format);
            }
            return "redirect:/w/" + tenant.slug() + "/accounts/uploads/" + uploadId;
        }
    }

    @PostMapping("/w/{slug}/accounts/uploads/{uploadId}/discard")
    @RequiresRole(Role.ADMIN)
    String discard(CurrentTenant tenant, @PathVariable UUID uploadId, RedirectAttributes redirect) {
        accounts.discard(tenant, uploadId);
        redirect.addFlashAttribute("notice", "Upload discarded; nothing was imported.");
        return "redirect:/w/" + tenant.slug() + "/accounts";
    }

    @GetMapping("/w/{slug}/accounts/uploads/{uploadId}/report.csv")
    @RequiresRole(Role.ADMIN)
    ResponseEntity<byte[]> reportCsv(CurrentTenant tenant, @PathVariable UUID uploadId,
                                     @RequestParam(required = false) @Nullable String format) {
        PendingUpload pending = accounts.pending(tenant.id(), uploadId, format);
        StringWriter out = new StringWriter();
        ValidationReportCsv.write(pending.report(), out);
        return download(out.toString().getBytes(StandardCharsets.UTF_8), "text/csv;charset=UTF-8",
                pending.filename() + "-report.csv");
    }

    @GetMapping("/w/{slug}/accounts/templates/{kind}")
    @RequiresRole(Role.VIEWER)
    ResponseEntity<byte[]> template(CurrentTenant tenant, @PathVariable String kind) {
        return switch (kind) {
            case "standard.xlsx" -> download(KpiTemplates.standardWorkbook(), XLSX, "kpi-template-standard.xlsx");
            case "simple.xlsx" -> download(KpiTemplates.simpleWorkbook(), XLSX, "kpi-template-simple.xlsx");
            case "kpis.csv" -> download(KpiTemplates.csv(), "text/csv;charset=UTF-8", "kpi-template.csv");
            default -> throw new com.frontline.shared.NotFoundException("No template " + kind);
        };
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static ResponseEntity<byte[]> download(byte[] bytes, String type, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    private String reportPage(Model model, PendingUpload pending, @Nullable String format, Map<String, String> errors,
                              Map<String, String> submitted) {
        model.addAttribute("upload", pending);
        model.addAttribute("format", format == null ? "" : format);
        model.addAttribute("submitted", submitted);
        if (!model.containsAttribute("formatName")) {
            model.addAttribute("formatName", format == null ? "" : format);
        }
        model.addAttribute("report", pending.report());
        model.addAttribute("problems", pending.report().problems().stream().limit(PROBLEMS_SHOWN).toList());
        model.addAttribute("fields", StandardField.values());
        model.addAttribute("errors", errors);
        model.addAttribute("section", "accounts");
        return "accounts/upload";
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
