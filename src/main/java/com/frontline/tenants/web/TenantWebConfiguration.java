package com.frontline.tenants.web;

import com.frontline.shared.CurrentTenant;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class TenantWebConfiguration implements WebMvcConfigurer {

    private final TenantAccessInterceptor interceptor;

    TenantWebConfiguration(TenantAccessInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(interceptor).addPathPatterns("/w/*", "/w/*/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CurrentTenantResolver());
    }

    /** Hands handlers the workspace the interceptor resolved; there is no other way to obtain one. */
    static final class CurrentTenantResolver implements HandlerMethodArgumentResolver {

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == CurrentTenant.class;
        }

        @Override
        public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                      WebDataBinderFactory binders) {
            Object tenant = request.getNativeRequest(HttpServletRequest.class)
                    .getAttribute(TenantAccessInterceptor.ATTRIBUTE);
            if (tenant == null) {
                throw new IllegalStateException("CurrentTenant is only available on /w/{slug}/... routes");
            }
            return tenant;
        }
    }
}
