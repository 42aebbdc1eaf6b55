@NullMarked
package com.frontline.alerts.web;

import org.jspecify.annotations.NullMarked;
