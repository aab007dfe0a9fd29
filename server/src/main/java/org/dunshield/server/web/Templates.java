package org.dunshield.server.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The template engine: HTML templates from {@code org/dunshield/server/web/templates}, compiled
 * once and cached, with messages from the {@code messages} bundles ({@code messages.properties}
 * in English, {@code messages_zh.properties} in Simplified Chinese). Thread-safe.
 */
final class Templates {
  static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  static final Locale EN = Locale.ENGLISH;
  private static final String BUNDLE = "org.dunshield.server.web.messages";

  /** Never fall back to the JVM's default locale: English is the base bundle. */
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private static final ResourceBundle ZH_BUNDLE = ResourceBundle.getBundle(BUNDLE, ZH, NO_FALLBACK);
  private static final ResourceBundle EN_BUNDLE = ResourceBundle.getBundle(BUNDLE, EN, NO_FALLBACK);

  private final TemplateEngine engine = new TemplateEngine();

  Templates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Templates.class.getClassLoader());
    resolver.setPrefix("org/dunshield/server/web/templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
    engine.setMessageResolver(new Messages());
    engine.setLinkBuilder(new StandardLinkBuilder() {
      @Override
      protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
        return ""; // the application is served at the root
      }
    });
  }

  String render(String template, Locale locale, Map<String, Object> model) {
    return engine.process(template, new Context(locale, model));
  }

  /** A message in {@code locale}, for text built outside templates (flash messages, errors). */
  static String message(Locale locale, String key, Object... args) {
    try {
      ResourceBundle bundle = locale == ZH ? ZH_BUNDLE : locale == EN ? EN_BUNDLE
          : ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK);
      String pattern = bundle.getString(key);
      return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    } catch (MissingResourceException e) {
      return "??" + key + "??";
    }
  }

  private static final class Messages implements IMessageResolver {
    @Override
    public String getName() {
      return "dunshield";
    }

    @Override
    public Integer getOrder() {
      return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] args) {
      return message(context.getLocale(), key, args == null ? new Object[0] : args);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key, Object[] args) {
      return "??" + key + "??";
    }
  }
}
