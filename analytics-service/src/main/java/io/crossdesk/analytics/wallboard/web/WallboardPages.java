package io.crossdesk.analytics.wallboard.web;

import java.time.Duration;
import java.util.Objects;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.webjars.WebJarVersionLocator;

/**
 * The wallboard page at /wallboard/, and its charting library (Apache ECharts, from its webjar) at
 * /wallboard/lib/: everything the page loads comes from this service, through the gateway.
 */
@Configuration(proxyBeanMethods = false)
class WallboardPages implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addRedirectViewController("/wallboard", "/wallboard/");
    registry.addViewController("/wallboard/").setViewName("forward:/wallboard/index.html");
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/wallboard/lib/**")
        .addResourceLocations(
            "classpath:/META-INF/resources/webjars/echarts/"
                + Objects.requireNonNull(
                    new WebJarVersionLocator().version("echarts"), "the ECharts webjar is missing")
                + "/dist/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    // The page itself is revalidated each time, so a new release shows at the next load.
    registry
        .addResourceHandler("/wallboard/**")
        .addResourceLocations("classpath:/static/wallboard/")
        .setCacheControl(CacheControl.noCache());
  }
}
