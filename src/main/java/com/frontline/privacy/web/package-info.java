@NullMarked
package com.frontline.privacy.web;

import org.jspecify.annotations.NullMarked;
