package com.frontline.audit.web;

import com.frontline.audit.AuditEntry;
import com.frontline.audit.AuditLog;
import com.frontline.shared.CurrentTenant;
import com.frontline.shared.Role;
import com.frontline.shared.web.RequiresRole;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

@Controller
class AuditController {

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/w/{slug}/audit")
    @RequiresRole(Role.ADMIN)
    String audit(CurrentTenant tenant, @RequestParam(required = false) @Nullable Long before,
                 @RequestParam(required = false) @Nullable String action, Model model) {
        List<AuditEntry> entries = auditLog.recent(tenant.id(), before, action);
        model.addAttribute("entries", entries);
        model.addAttribute("action", action == null ? "" : action);
        model.addAttribute("areas", auditLog.areas(tenant.id()));
        model.addAttribute("nextBefore", entries.size() == AuditLog.PAGE_SIZE ? entries.getLast().id() : null);
        // "Load older entries" asks for the rows only
        return "audit/audit :: audit-rows";
    }
}
