package com.frontline.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static com.frontline.db.chat.Tables.CONVERSATIONS;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Owner exports a widget visitor's data as JSON, then erases it after typing the visitor id again; the page says
 * it is done and the conversation is gone. On a laptop and on a phone.
 */
class PrivacyE2E extends E2ETest {

    private final List<BrowserContext> visitors = new ArrayList<>();

    @AfterEach
    void closeVisitors() {
        visitors.forEach(BrowserContext::close);
    }

    @Test
    void anOwnerExportsThenErasesAVisitor() throws Exception {
        String slug = unique("priv");
        String key = Workspaces.createWithWidget(page, portal, slug, "Pia Privacy", "Parcel Privacy Co");
        Page visitor = Workspaces.visitor(visitors, 1366, 900);
        visitor.navigate(portal.url("/widget/frame?key=" + key));
        Workspaces.ask(visitor, "My number is +44 20 7946 0958, where is my parcel?");

        DSLContext db = portal.app.getBean(DSLContext.class);
        String visitorId = db.select(CONVERSATIONS.VISITOR_ID).from(CONVERSATIONS)
                .join(org.jooq.impl.DSL.table("tenants.workspaces")).on("tenants.workspaces.id = chat.conversations.tenant_id")
                .where(org.jooq.impl.DSL.field("tenants.workspaces.slug").eq(slug))
                .fetchOne(CONVERSATIONS.VISITOR_ID);
        assertThat(visitorId).isNotBlank();

        page.setViewportSize(1366, 900);
        page.navigate(portal.url("/w/" + slug + "/settings/privacy"));
        assertThat(page.locator("[data-testid=danger-zone]")).isVisible();
        page.locator("[data-testid=customer-key]").fill("nobody@example.com");
        page.locator("[data-testid=find-customer]").click();
        assertThat(page.locator("[data-testid=customer-error]")).hasText("Nothing is held for this visitor id or e-mail address.");

        page.locator("[data-testid=customer-key]").fill(visitorId);
        page.locator("[data-testid=find-customer]").click();
        assertThat(page.locator("[data-testid=customer-found]")).containsText("1 conversation");
        Browsers.screenshot(page, "privacy-1366-found");

        Download download = page.waitForDownload(() -> page.locator("[data-testid=export-customer]").click());
        String exported = Files.readString(download.path());
        assertThat(exported).contains(visitorId).contains("where is my parcel?");

        // a wrong confirmation keeps everything and says why
        page.locator("[data-testid=erase-confirmation]").fill("not it");
        page.locator("[data-testid=erase-customer]").click();
        assertThat(page.locator("[data-testid=confirmation-error]")).isVisible();
        page.locator("[data-testid=erase-confirmation]").fill(visitorId);
        page.locator("[data-testid=erase-customer]").click();
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.STATUS)).containsText("Erased 1 conversation");
        assertThat(page.locator("[data-testid=erasure-status]").first()).hasText("done");
        Browsers.screenshot(page, "privacy-1366-erased");
        assertThat(db.fetchCount(CONVERSATIONS, CONVERSATIONS.VISITOR_ID.eq(visitorId))).isZero();

        page.setViewportSize(390, 844);
        page.navigate(portal.url("/w/" + slug + "/settings/privacy"));
        var button = page.locator("[data-testid=delete-workspace]");
        assertThat(button).isVisible();
        assertThat(button.boundingBox().x + button.boundingBox().width).isLessThanOrEqualTo(390);
        Browsers.screenshot(page, "privacy-390");
    }
}
