@NullMarked
package com.frontline.chat.web;

import org.jspecify.annotations.NullMarked;
