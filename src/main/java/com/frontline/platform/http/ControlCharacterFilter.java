package com.frontline.platform.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.UrlPathHelper;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses control characters (see {@link ControlCharacters}) in every input at the edge, before any handler or the
 * sign-in filter sees it: the decoded path, every query and form parameter (names and values, multipart fields and
 * file names included) and every string of a JSON body. The answer is a 422 with a message where the person is: the
 * alert fragment (retargeted to {@code #flash}) for htmx, the error page for a page the browser navigates to, else
 * JSON {@code {"error": …}}, which the website widget and the chat panels show. Such input is a client mistake, logged at DEBUG, never an ERROR.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // after the character-encoding filter, before Spring Security
class ControlCharacterFilter extends OncePerRequestFilter {

    static final String MESSAGE = "Your text contains an invisible control character (such as a NUL byte, often "
            + "picked up when copying from another program). Remove it and try again.";
    private static final Logger log = LoggerFactory.getLogger(ControlCharacterFilter.class);
    /** JSON bodies larger than this are left to the handler (none of ours takes JSON that large). */
    private static final int MAX_JSON_CHECKED = 1024 * 1024;
    private static final UrlPathHelper PATHS = new UrlPathHelper();
    private static final JsonFactory JSON = new JsonFactory();

    private final ViewResolver views;

    ControlCharacterFilter(@Qualifier("thymeleafViewResolver") ViewResolver thymeleafViewResolver) {
        this.views = thymeleafViewResolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest checked = request;
        @Nullable String where = refusedInPathOrParameters(request);
        if (where == null && isJson(request) && request.getContentLengthLong() <= MAX_JSON_CHECKED) {
            byte[] body = request.getInputStream().readNBytes(MAX_JSON_CHECKED + 1);
            checked = new ReplayedBody(request, body);
            if (body.length <= MAX_JSON_CHECKED && jsonHasRefused(body)) {
                where = "JSON body";
            }
        }
        if (where != null) {
            // not the URI: it may carry a secret (an invitation link's token)
            log.debug("Refused a control character in {} of a {} request", where, request.getMethod());
            refuse(request, response);
            return;
        }
        chain.doFilter(checked, response);
    }

    private static @Nullable String refusedInPathOrParameters(HttpServletRequest request) {
        if (ControlCharacters.containsRefused(PATHS.getPathWithinApplication(request))) {
            return "the path";
        }
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            if (ControlCharacters.containsRefused(e.getKey())) {
                return "a parameter name";
            }
            for (String value : e.getValue()) {
                if (ControlCharacters.containsRefused(value)) {
                    return "parameter " + e.getKey();
                }
            }
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            try {
                for (Part part : request.getParts()) {
                    if (ControlCharacters.containsRefused(part.getSubmittedFileName())) {
                        return "a file name";
                    }
                }
            } catch (IllegalStateException | IOException | ServletException e) {
                // too large or malformed: the multipart resolver reports it to the person as usual
            }
        }
        return null;
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return media.isCompatibleWith(MediaType.APPLICATION_JSON) || media.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Every field name and string value, unescaped by Jackson (so {@code \u0000} counts and {@code \\u0000} not). */
    private static boolean jsonHasRefused(byte[] body) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if ((token == JsonToken.VALUE_STRING || token == JsonToken.PROPERTY_NAME)
                        && ControlCharacters.containsRefused(parser.getString())) {
                    return true;
                }
            }
            return false;
        } catch (JacksonException e) {
            // raw control characters are not valid JSON either; anything else malformed is the handler's to report
            return ControlCharacters.containsRefused(new String(body, StandardCharsets.UTF_8));
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        String accept = request.getHeader("Accept");
        boolean htmx = "true".equals(request.getHeader("HX-Request"));
        boolean page = accept != null && accept.contains("text/html");
        try {
            if (htmx) {
                response.setHeader("HX-Retarget", "#flash");
                response.setHeader("HX-Reswap", "innerHTML");
                render("fragments/alert :: alert", Map.of("message", MESSAGE, "level", "error"), request, response);
            } else if (page && !PATHS.getPathWithinApplication(request).startsWith("/widget/api/")) {
                render("error/page", Map.of("status", 422, "heading", "That did not work", "message", MESSAGE),
                        request, response);
            } else {
                // the widget, the chat panels' fetch calls (see chat.js) and other API callers read {"error": …}
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write("{\"error\":\"" + MESSAGE + "\"}"); // a constant: nothing to escape
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Could not render the control-character message", e);
        }
    }

    private void render(String name, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        View view = views.resolveViewName(name, Locale.ENGLISH);
        if (view == null) {
            throw new IllegalStateException("No view " + name);
        }
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        view.render(model, request, response);
    }

    /** The request with its JSON body read once for the check and replayed to the handler. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8));
        }
    }
}
