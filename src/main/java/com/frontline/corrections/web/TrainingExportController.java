package com.frontline.corrections.web;

import com.frontline.corrections.TrainingExport;
import com.frontline.corrections.TrainingSplit;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.Role;
import com.frontline.shared.UserFacingException;
import com.frontline.shared.web.RequiresRole;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The fine-tuning export: the counts per split first, then each split as a JSON Lines download. */
@Controller
@RequiresRole(Role.ADMIN)
class TrainingExportController {

    private final TrainingExport export;

    TrainingExportController(TrainingExport export) {
        this.export = export;
    }

    @GetMapping("/w/{slug}/corrections/export")
    String page(CurrentTenant tenant, Model model) {
        model.addAttribute("counts", export.counts(tenant.id()));
        model.addAttribute("minScore", TrainingExport.MIN_SCORE);
        model.addAttribute("section", "corrections");
        return "corrections/export";
    }

    @GetMapping("/w/{slug}/corrections/export.jsonl")
    ResponseEntity<StreamingResponseBody> download(CurrentTenant tenant,
                                                   @RequestParam(defaultValue = "train") String split) {
        TrainingSplit which;
        try {
            which = TrainingSplit.parse(split);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("split", "Choose split=train or split=validation.");
        }
        StreamingResponseBody body = out -> export.write(tenant.id(), which, out);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/jsonl; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"corrections-" + tenant.slug()
                        + "-" + which.param() + ".jsonl\"")
                .body(body);
    }
}
