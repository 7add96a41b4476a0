package vn.khuyenhoc.generator;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar khuyenhoc.jar --khuyenhoc.generate.scale=1.0 --spring.main.web-application-type=none}: fills the
 * configured database with a generated data set (after Flyway has migrated it) and prints how long each step took.
 */
@Component
@ConditionalOnProperty("khuyenhoc.generate.scale")
class GeneratorRunner implements ApplicationRunner {

    private final DatasetGenerator generator;
    private final Environment environment;

    GeneratorRunner(DatasetGenerator generator, Environment environment) {
        this.generator = generator;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        double scale = environment.getRequiredProperty("khuyenhoc.generate.scale", Double.class);
        int years = environment.getProperty("khuyenhoc.generate.years", Integer.class, 3);
        long start = System.nanoTime();
        generator.generate(scale, years).forEach((step, seconds) -> System.out.printf("GENERATED %-14s %8.1f s%n", step, seconds));
        System.out.printf("GENERATED total %8.1f s at scale %s%n", (System.nanoTime() - start) / 1e9, scale);
    }
}
