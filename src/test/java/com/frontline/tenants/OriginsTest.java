package com.frontline.tenants;

import com.frontline.tenants.Origins.ParseResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class OriginsTest {

    private static ParseResult parse(String lines) {
        return Origins.parse(lines);
    }

    /** The single error for a one-line input. */
    private static String errorFor(String line) {
        ParseResult result = parse(line);
        assertThat(result.origins()).as("origins of %s", line).isEmpty();
        assertThat(result.errors()).as("errors of %s", line).hasSize(1);
        return result.errors().getFirst();
    }

    @Nested
    class Parsing {

        @ParameterizedTest
        @CsvSource({
                "https://www.example.com, https://www.example.com",
                "HTTPS://WWW.Example.COM/, https://www.example.com",
                "https://example.com:443, https://example.com",
                "https://example.com:8443, https://example.com:8443",
                "https://example.com:8443/, https://example.com:8443",
                "http://localhost, http://localhost",
                "http://localhost:80, http://localhost",
                "http://localhost:3000, http://localhost:3000",
                "http://127.0.0.1:8080, http://127.0.0.1:8080",
                "https://localhost:5173, https://localhost:5173",
                "https://192.168.1.10, https://192.168.1.10",
                "https://shop.example.co.uk, https://shop.example.co.uk",
        })
        void normalisesOrigins(String line, String expected) {
            ParseResult result = parse(line);
            assertThat(result.errors()).isEmpty();
            assertThat(result.origins()).containsExactly(expected);
            assertThat(result.isValid()).isTrue();
        }

        @Test
        void ignoresBlankLinesAndSurroundingWhitespace() {
            ParseResult result = parse("\n  https://a.example.com  \n\n\t\nhttps://b.example.com\n");
            assertThat(result.isValid()).isTrue();
            assertThat(result.origins()).containsExactly("https://a.example.com", "https://b.example.com");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  ", "\n\n\r\n"})
        void acceptsAnEmptyList(String lines) {
            ParseResult result = Origins.parse(lines);
            assertThat(result.isValid()).isTrue();
            assertThat(result.origins()).isEmpty();
        }

        @Test
        void handlesWindowsLineEndings() {
            ParseResult result = parse("https://a.example.com\r\nfoo\r\nhttps://b.example.com");
            assertThat(result.origins()).containsExactly("https://a.example.com", "https://b.example.com");
            assertThat(result.errors()).containsExactly(
                    "Line 2: 'foo' is not a website origin; use e.g. https://www.example.com");
        }

        @Test
        void removesDuplicatesAfterNormalising() {
            ParseResult result = parse("https://example.com\nHTTPS://EXAMPLE.com:443/\nhttps://example.com");
            assertThat(result.isValid()).isTrue();
            assertThat(result.origins()).containsExactly("https://example.com");
        }

        @Test
        void keepsTheOrderEntered() {
            assertThat(parse("https://b.example\nhttps://a.example\nhttps://c.example").origins())
                    .containsExactly("https://b.example", "https://a.example", "https://c.example");
        }

        @Test
        void numbersErrorsByTheirLineIncludingBlankLines() {
            ParseResult result = parse("https://example.com\n\nfoo\nhttps://example.org\nbar baz");
            assertThat(result.origins()).containsExactly("https://example.com", "https://example.org");
            assertThat(result.errors()).containsExactly(
                    "Line 3: 'foo' is not a website origin; use e.g. https://www.example.com",
                    "Line 5: 'bar baz' is not a website origin; use e.g. https://www.example.com");
            assertThat(result.isValid()).isFalse();
        }

        @Test
        void convertsInternationalHostNamesToPunycode() {
            assertThat(parse("https://Bücher.example").origins()).containsExactly("https://xn--bcher-kva.example");
            assertThat(parse("https://例え.jp").origins()).containsExactly("https://xn--r8jz45g.jp");
        }

        @Test
        void mapsFullwidthCharactersLikeBrowsersDo() {
            assertThat(parse("https://ｅｘａｍｐｌｅ．com").origins()).containsExactly("https://example.com");
        }

        @Test
        void refusesCharactersThatJavaAndBrowsersEncodeDifferently() {
            assertThat(errorFor("https://faß.de")).startsWith("Line 1: 'https://faß.de' contains ß")
                    .contains("xn--");
        }

        @Test
        void acceptsAtMostFiftyOrigins() {
            String fifty = IntStream.rangeClosed(1, 50).mapToObj(i -> "https://s" + i + ".example.com")
                    .collect(Collectors.joining("\n"));
            assertThat(parse(fifty).isValid()).isTrue();
            assertThat(parse(fifty).origins()).hasSize(50);

            ParseResult tooMany = parse(fifty + "\nhttps://s51.example.com\nhttps://s52.example.com");
            assertThat(tooMany.errors()).containsExactly("Enter at most 50 origins; remove 2 of the 52 entered");
            assertThat(tooMany.origins()).hasSize(50).doesNotContain("https://s51.example.com");
        }

        @Test
        void duplicatesDoNotCountTowardsTheLimit() {
            String lines = "https://example.com\n".repeat(80);
            assertThat(parse(lines).isValid()).isTrue();
        }

        @Test
        void summarisesErrorsBeyondTwenty() {
            ParseResult result = parse("foo\n".repeat(30));
            assertThat(result.errors()).hasSize(Origins.MAX_LINE_ERRORS + 1)
                    .last().isEqualTo("Fix the lines above; 10 more lines have problems too");
        }

        @Test
        void quotesHostileInputHarmlessly() {
            String error = errorFor("foo\u202ebar\u0007" + "x".repeat(200));
            assertThat(error).contains("'foo?bar?xxx").contains("…'").doesNotContain("\u202e", "\u0007");
            assertThat(error.length()).isLessThan(150);
        }
    }

    @Nested
    class Rejecting {

        @Test
        void explainsWhatAnOriginIs() {
            assertThat(errorFor("foo")).isEqualTo(
                    "Line 1: 'foo' is not a website origin; use e.g. https://www.example.com");
        }

        @Test
        void suggestsTheSchemeWhenMissing() {
            assertThat(errorFor("www.example.com"))
                    .isEqualTo("Line 1: 'www.example.com' is missing https://; use https://www.example.com");
            assertThat(errorFor("example.com/shop"))
                    .isEqualTo("Line 1: 'example.com/shop' is missing https://; use https://example.com");
            assertThat(errorFor("//example.com")).endsWith("use https://example.com");
        }

        @Test
        void suggestsHttpForLocalhostWithoutScheme() {
            assertThat(errorFor("localhost:3000"))
                    .isEqualTo("Line 1: 'localhost:3000' is missing http://; use http://localhost:3000");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ftp://example.com", "ws://example.com", "file:///etc/passwd",
                "chrome-extension://abcdef", "data://text/html,hi"})
        void rejectsSchemesOtherThanHttpAndHttps(String line) {
            assertThat(errorFor(line)).contains("is not a website origin");
        }

        @ParameterizedTest
        @ValueSource(strings = {"javascript:alert(1)", "mailto:sales@example.com", "https:/example.com",
                "https:example.com", "https://", "null", "*", "://example.com"})
        void rejectsThingsThatAreNotOrigins(String line) {
            assertThat(errorFor(line)).contains("is not a website origin; use e.g. https://www.example.com");
        }

        @Test
        void requiresHttpsExceptForLocalhost() {
            assertThat(errorFor("http://example.com")).isEqualTo(
                    "Line 1: 'http://example.com' is not secure (http is only for localhost); use https://example.com");
            assertThat(errorFor("http://example.com:8080")).endsWith("use https://example.com:8080");
            assertThat(errorFor("http://192.168.1.10")).endsWith("use https://192.168.1.10");
            assertThat(errorFor("http://*.example.com")).endsWith("use https://*.example.com");
            assertThat(errorFor("http://localhost.example.com")).contains("is not secure");
        }

        @ParameterizedTest
        @CsvSource({
                "https://example.com/shop, https://example.com",
                "https://example.com//, https://example.com",
                "https://example.com/?x=1, https://example.com",
                "https://example.com?x=1, https://example.com",
                "https://example.com#top, https://example.com",
                "https://example.com:8443/index.html, https://example.com:8443",
        })
        void rejectsPathsQueriesAndFragments(String line, String origin) {
            assertThat(errorFor(line)).isEqualTo(
                    "Line 1: '" + line + "' includes a path, query or fragment; use just " + origin);
        }

        @Test
        void rejectsUserInfo() {
            assertThat(errorFor("https://user:secret@example.com")).isEqualTo(
                    "Line 1: 'https://user:secret@example.com' contains a user name or password; "
                            + "use https://example.com");
            assertThat(errorFor("https://good.example@evil.example")).contains("contains a user name");
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://example.com\\@evil.com", "https://example.com\\", "https://evil.com#@good.com"})
        void rejectsBackslashesAndFragmentTricks(String line) {
            assertThat(errorFor(line)).contains("includes a path, query or fragment");
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://example.com:0", "https://example.com:65536", "https://example.com:http",
                "https://example.com:", "https://example.com:-1", "https://example.com:123456"})
        void rejectsInvalidPorts(String line) {
            assertThat(errorFor(line)).contains("has an invalid port; use a number from 1 to 65535");
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://exa mple.com", "https://-example.com", "https://example-.com",
                "https://example..com", "https://.example.com", "https://example.com.", "https://exa_mple.com",
                "https://ex%61mple.com", "https://a:b:443",
                "https://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.com"})
        void rejectsInvalidHostNames(String line) {
            assertThat(errorFor(line)).contains("does not have a valid host name");
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://2130706433", "https://0x7f.1", "https://1.2.3", "https://192.168.1.300",
                "https://01.2.3.4", "https://example.123"})
        void rejectsNonCanonicalIpAddresses(String line) {
            assertThat(errorFor(line)).contains("is not a valid IP address or host name");
        }

        @Test
        void rejectsIpv6Literals() {
            assertThat(errorFor("http://[::1]:3000")).contains("uses an IPv6 address; use a host name instead");
        }
    }

    @Nested
    class Wildcards {

        @Test
        void keepsALeadingSubdomainWildcard() {
            ParseResult result = parse("https://*.Example.com\nhttps://*.example.com:8443/");
            assertThat(result.isValid()).isTrue();
            assertThat(result.origins()).containsExactly("https://*.example.com", "https://*.example.com:8443");
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://a.*.example.com", "https://*example.com", "https://ex*mple.com",
                "https://*.*.example.com", "https://example.*", "https://*"})
        void rejectsWildcardsAnywhereElse(String line) {
            assertThat(errorFor(line)).contains("has a wildcard in the wrong place; only a leading *. is allowed");
        }

        @Test
        void suggestsTheSchemeForAWildcardWithoutOne() {
            assertThat(errorFor("*.example.com")).endsWith("is missing https://; use https://*.example.com");
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://*.com", "https://*.co.uk", "https://*.github.io", "https://*.vercel.app",
                "https://*.herokuapp.com", "https://*.localhost"})
        void rejectsWildcardsThatWouldCoverOtherPeoplesSites(String line) {
            assertThat(errorFor(line)).contains("would also match websites of other owners");
        }

        @Test
        void rejectsWildcardsOnIpAddresses() {
            assertThat(errorFor("https://*.1.2.3.4")).contains("wildcard on an IP address");
        }
    }

    @Nested
    class Matching {

        private final Set<String> allowed = Set.of("https://www.example.com", "http://localhost:3000",
                "https://*.shop.example", "https://*.example.org:8443", "https://xn--bcher-kva.example");

        @ParameterizedTest
        @ValueSource(strings = {"https://www.example.com", "HTTPS://WWW.EXAMPLE.COM", "https://www.example.com:443",
                "http://localhost:3000", "https://eu.shop.example", "https://a.b.shop.example",
                "https://x.example.org:8443", "https://bücher.example", "https://www.example.com/"})
        void admitsAllowedOrigins(String origin) {
            assertThat(Origins.matches(allowed, origin)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"https://example.com", "http://www.example.com", "https://www.example.com:8443",
                "http://localhost:3001", "https://localhost:3000", "https://shop.example",
                "https://evilshop.example", "https://shop.example.evil.com", "https://eu.shop.example:8443",
                "http://eu.shop.example", "https://x.example.org", "https://*.shop.example",
                "https://*.example.org:8443", "https://user@www.example.com", "https://www.example.com/path",
                "https://www.example.com.evil.com", "null", "", " ", "www.example.com"})
        void refusesOtherOrigins(String origin) {
            assertThat(Origins.matches(allowed, origin)).isFalse();
        }

        @Test
        void refusesAMissingOrigin() {
            assertThat(Origins.matches(allowed, null)).isFalse();
            assertThat(Origins.matches(Set.of(), "https://www.example.com")).isFalse();
        }

        @Test
        void ignoresInvalidEntriesInTheAllowedSet() {
            assertThat(Origins.matches(Set.of("*", "https://*", "garbage"), "https://www.example.com")).isFalse();
        }
    }
}
