package com.frontline.shared.web;

import com.frontline.shared.Plurals;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import java.util.Set;

/**
 * Helpers every template may use, registered with Thymeleaf as expression objects (Spring Boot adds every dialect
 * bean to the template engine): {@code ${#plural.of(n, 'document')}} writes "1 document" or "3 documents".
 */
@Component
class TemplateHelpers extends AbstractDialect implements IExpressionObjectDialect {

    /** The object behind {@code #plural}. */
    public static final class PluralHelper {
        public String of(long count, String singular) {
            return Plurals.of(count, singular);
        }

        public String of(long count, String singular, String plural) {
            return Plurals.of(count, singular, plural);
        }
    }

    private static final PluralHelper PLURAL = new PluralHelper();

    TemplateHelpers() {
        super("frontline-helpers");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("plural");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return PLURAL;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
