package com.acme.site.container;

import com.acme.site.model.asset.Asset;
import com.acme.site.model.rules.Ruleset;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.hibernate.jpa.HibernatePersistenceProvider;

/** Builds the persistence unit in code: there is no persistence.xml and no class scanning. */
public class PersistenceService {

  public static class PersistenceUnitInfo implements jakarta.persistence.spi.PersistenceUnitInfo {
    private final List<String> managedClassNames;
    private final Properties properties;

    public PersistenceUnitInfo(List<String> managedClassNames, Properties properties) {
      this.managedClassNames = managedClassNames;
      this.properties = properties;
    }

    @Override public String getPersistenceUnitName() { return "SiteManager"; }
    @Override public String getPersistenceProviderClassName() { return HibernatePersistenceProvider.class.getName(); }
    @Override public PersistenceUnitTransactionType getTransactionType() { return PersistenceUnitTransactionType.RESOURCE_LOCAL; }
    @Override public DataSource getJtaDataSource() { return null; }
    @Override public DataSource getNonJtaDataSource() { return null; }
    @Override public List<String> getMappingFileNames() { return List.of(); }
    @Override public List<URL> getJarFileUrls() { return List.of(); }
    @Override public URL getPersistenceUnitRootUrl() { return null; }
    @Override public List<String> getManagedClassNames() { return managedClassNames; }
    @Override public boolean excludeUnlistedClasses() { return true; }
    @Override public SharedCacheMode getSharedCacheMode() { return SharedCacheMode.UNSPECIFIED; }
    @Override public ValidationMode getValidationMode() { return ValidationMode.NONE; }
    @Override public Properties getProperties() { return properties; }
    @Override public String getPersistenceXMLSchemaVersion() { return "3.1"; }
    @Override public ClassLoader getClassLoader() { return getClass().getClassLoader(); }
    @Override public void addTransformer(ClassTransformer transformer) {}
    @Override public ClassLoader getNewTempClassLoader() { return null; }
  }

  protected EntityManagerFactory entityManagerFactory;

  public void start(Properties properties, List<Class<?>> assetTypes) {
    List<String> entityClasses = new ArrayList<>();
    entityClasses.add(Asset.class.getName());
    entityClasses.add(Ruleset.class.getName());
    // Asset types of the installed agents: subclasses of Asset, found at run time.
    assetTypes.stream().map(Class::getName).forEach(entityClasses::add);
    entityManagerFactory = new HibernatePersistenceProvider()
        .createContainerEntityManagerFactory(new PersistenceUnitInfo(entityClasses, properties), properties);
  }
}
