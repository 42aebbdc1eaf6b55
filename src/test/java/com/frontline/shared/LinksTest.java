package com.frontline.shared;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LinksTest {

    @Test
    void findsTheHostsOfLinksWithAndWithoutAScheme() {
        assertThat(Links.hosts("Go to http://phish.example/reset, www.Acme.com or acme-help.io/faq. "
                + "Version 1.5/2 is not a link, nor is e.g. this."))
                .containsExactly("phish.example", "www.acme.com", "acme-help.io");
    }

    @Test
    void aLinkIsTheWorkspacesOwnWhenItIsAnAllowedWebsiteOrUnderIt() {
        List<String> origins = List.of("https://www.acme.com", "https://*.acme-shop.de", "http://localhost:8080");
        assertThat(Links.allowed("acme.com", origins)).isTrue();
        assertThat(Links.allowed("help.acme.com", origins)).isTrue();
        assertThat(Links.allowed("shop.acme-shop.de", origins)).isTrue();
        assertThat(Links.allowed("acme.com.phish.example", origins)).isFalse();
        assertThat(Links.allowed("notacme.com", origins)).isFalse();
        assertThat(Links.allowed("phish.example", List.of())).isFalse();
        assertThat(Links.foreignHosts("See https://help.acme.com and https://phish.example.", origins))
                .containsExactly("phish.example");
    }
}
