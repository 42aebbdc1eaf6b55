package com.frontline.elasticsearch.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.index.IndexSettings;
import org.elasticsearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.elasticsearch.index.analysis.Analysis;
import org.elasticsearch.index.analysis.AnalyzerProvider;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

import java.util.Map;

/**
 * Registers Lucene's {@link EnglishAnalyzer} as the {@code english} analyzer, as the full distribution's
 * analysis-common module does, with the same {@code stopwords}, {@code stopwords_path} and {@code stem_exclusion}
 * parameters. The integ-test distribution that Frontline starts by itself lacks analysis-common, so without this
 * plugin a mapping with {@code "analyzer": "english"} would be refused there, while a full Elasticsearch accepts it.
 * <p>
 * Only for that integ-test distribution: the build installs it into {@code target/elasticsearch/.../plugins}.
 * A full distribution already registers {@code english} and would refuse to start with this plugin installed
 * (duplicate analyzer name). The plugin's own name, {@code frontline-analysis}, clashes with no module or plugin
 * of Elasticsearch.
 * <p>
 * Built by the pom (maven-antrun-plugin), compiled against the distribution's own {@code lib/}; not on the app's
 * classpath.
 */
public class FrontlineAnalysisPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of("english", EnglishAnalyzerProvider::new);
    }

    static final class EnglishAnalyzerProvider extends AbstractIndexAnalyzerProvider<EnglishAnalyzer> {

        private final EnglishAnalyzer analyzer;

        EnglishAnalyzerProvider(IndexSettings indexSettings, Environment environment, String name, Settings settings) {
            super(name);
            analyzer = new EnglishAnalyzer(
                    Analysis.parseStopWords(environment, settings, EnglishAnalyzer.getDefaultStopSet()),
                    Analysis.parseStemExclusion(settings, CharArraySet.EMPTY_SET));
        }

        @Override
        public EnglishAnalyzer get() {
            return analyzer;
        }
    }
}
