package com.frontline.tenants;

import com.frontline.shared.TenantId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.frontline.db.tenants.Tables.WORKSPACES;

/**
 * Deletes a workspace row, in the caller's transaction (the privacy module's whole-workspace deletion, which checks
 * the Owner and audits it). Every tenant-owned table references the workspace with {@code on delete cascade}, directly
 * or through its parent, so its rows in every schema go with it.
 */
@Service
public class WorkspaceDeletion {

    private final DSLContext dsl;

    WorkspaceDeletion(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** True if the workspace existed and is deleted. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean delete(TenantId tenant) {
        // the roll-up triggers see a workspace being deleted and mark nothing
        dsl.execute("set local frontline.retention = 'on'");
        return dsl.deleteFrom(WORKSPACES).where(WORKSPACES.ID.eq(tenant.value())).execute() == 1;
    }
}
