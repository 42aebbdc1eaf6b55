package com.frontline.shared.web;

import com.frontline.shared.Role;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role a member needs for a workspace route ({@code /w/{slug}/...}). Every such handler must carry it,
 * on the method or the class; a route without it is refused (fail closed) and a test lists it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresRole {
    Role value();
}
