/**
 * The demo workspace "Acme Support" a newcomer finds on the first start outside production: a help centre, KPI data
 * and past conversations, all stored through the same services a real workspace uses.
 */
@NullMarked
package com.frontline.demo;

import org.jspecify.annotations.NullMarked;
