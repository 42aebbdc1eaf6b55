@NullMarked
package com.frontline.accounts.web;

import org.jspecify.annotations.NullMarked;
