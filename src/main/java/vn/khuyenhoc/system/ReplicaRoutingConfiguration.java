package vn.khuyenhoc.system;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

import vn.khuyenhoc.shared.CurrentReads;

/**
 * Beyond one machine: when {@code KHUYENHOC_REPLICA_URL} ({@code khuyenhoc.replica.url}, with
 * {@code KHUYENHOC_REPLICA_USERNAME} / {@code _PASSWORD}, by default the primary's) names a PostgreSQL streaming
 * replica of the primary, read-only transactions ({@code @Transactional(readOnly = true)}: dashboards, exports,
 * lists, searches) read on it, and everything else (writes, reads outside a read-only transaction, Flyway,
 * the cache's {@code LISTEN}) stays on the primary. Spring's {@link LazyConnectionDataSourceProxy} fetches a
 * transaction's connection at its first statement, when the transaction's read-only flag is known, from its
 * read-only data source — here {@link ReplicaRouter}, which still sends a read to the primary when the replica has
 * not yet replayed what the read must see (the user's own last write, or a dashboard about to be cached).
 * <p>
 * Without the variable nothing here is created but {@link CurrentReads#DIRECT}, and Spring Boot's own data source
 * is used as before. Kept apart from {@link DatabaseEnvironmentPostProcessor}, which chooses the primary.
 */
@Configuration(proxyBeanMethods = false)
class ReplicaRoutingConfiguration {

    static final String REPLICA_URL = "khuyenhoc.replica.url";

    @Bean
    CurrentReads currentReads(ObjectProvider<ReplicaRouter> router) {
        ReplicaRouter replicaRouter = router.getIfAvailable();
        return replicaRouter == null ? CurrentReads.DIRECT : replicaRouter;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(REPLICA_URL)
    static class Routing {

        /** The primary's pool, as Spring Boot would make it ({@code spring.datasource.*}, {@code .hikari.*}). */
        @Bean(defaultCandidate = false)
        @ConfigurationProperties("spring.datasource.hikari")
        HikariDataSource primaryDataSource(DataSourceProperties properties) {
            HikariDataSource pool = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
            pool.setPoolName("primary");
            return pool;
        }

        /**
         * The replica's pool ({@code khuyenhoc.replica.hikari.*}). Read-only connections; a replica that does not
         * answer within two seconds sends reads to the primary instead of holding the request.
         */
        @Bean(defaultCandidate = false)
        @ConfigurationProperties("khuyenhoc.replica.hikari")
        HikariDataSource replicaDataSource(Environment environment, DataSourceProperties primary) {
            HikariDataSource pool = new HikariDataSource();
            pool.setPoolName("replica");
            pool.setJdbcUrl(environment.getRequiredProperty(REPLICA_URL));
            pool.setUsername(environment.getProperty("khuyenhoc.replica.username", primary.determineUsername()));
            pool.setPassword(environment.getProperty("khuyenhoc.replica.password", primary.determinePassword()));
            pool.setReadOnly(true);
            pool.setConnectionTimeout(2_000);
            return pool;
        }

        @Bean
        ReplicaRouter replicaRouter(@Qualifier("primaryDataSource") HikariDataSource primary,
                @Qualifier("replicaDataSource") HikariDataSource replica) {
            return new ReplicaRouter(primary, replica);
        }

        /** What the application, JPA, Flyway and {@code JdbcClient} use. */
        @Bean
        @Primary
        DataSource dataSource(@Qualifier("primaryDataSource") HikariDataSource primary, ReplicaRouter router) {
            LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(primary);
            proxy.setReadOnlyDataSource(router.readOnlyDataSource());
            return proxy;
        }
    }
}
