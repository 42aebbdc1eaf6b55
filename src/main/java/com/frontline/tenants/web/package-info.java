@NullMarked
package com.frontline.tenants.web;

import org.jspecify.annotations.NullMarked;
