package com.frontline.shared.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Applies {@link Views}' rule to every page a handler renders, so no handler can send a bare fragment to a boosted
 * link, a boosted form or the back button, or a whole portal (a second sidebar) into a region of a page. Handlers that
 * exist only for htmx ({@link HxRequest}) keep the view they chose.
 */
final class PageOrFragmentInterceptor implements HandlerInterceptor {

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           @Nullable ModelAndView mav) {
        if (mav == null || mav.getViewName() == null) {
            return;
        }
        if (handler instanceof HandlerMethod method
                && (AnnotatedElementUtils.hasAnnotation(method.getMethod(), HxRequest.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), HxRequest.class))) {
            return;
        }
        // the same address answers with a page or a fragment: caches and the browser's history must tell them apart
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        mav.setViewName(Views.resolve(mav.getViewName(), Views.wantsFragment(request)));
    }
}
