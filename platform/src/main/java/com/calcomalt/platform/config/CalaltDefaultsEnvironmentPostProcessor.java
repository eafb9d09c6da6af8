package com.calcomalt.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds every module's defaults ({@code META-INF/calalt/*.properties}) below everything else, so a
 * launcher can combine modules without their settings shadowing each other, and
 * application.properties, the environment and the command line still override all of them.
 */
public class CalaltDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String LOCATION = "classpath*:META-INF/calalt/*.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            Arrays.sort(resources, Comparator.comparing(Resource::getDescription));
            for (Resource resource : resources) {
                environment.getPropertySources()
                        .addLast(new ResourcePropertySource("calalt defaults: " + resource.getFilename(), resource));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the module defaults at " + LOCATION, e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
