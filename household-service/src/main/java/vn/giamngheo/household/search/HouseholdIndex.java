package vn.giamngheo.household.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import vn.giamngheo.contracts.household.HouseholdClass;
import vn.giamngheo.household.registry.HouseholdStatus;

/**
 * The households' search index: an embedded Apache Lucene index beside the store, one document per household, answering
 * "find a household" by name (any active member's, the head's ranked higher; folded, the last word a prefix), citizen
 * id, household id or village, within units, a class and a status — without reading the store. It holds only what a
 * search needs and shows; the store stays the truth and the index can always be rebuilt from it.
 * <p>
 * Plain Java over a Lucene {@link Directory} (a folder, or memory in tests and the benchmark): the service keeps it in
 * step with the registry's writes, the benchmark fills and queries it directly.
 */
public final class HouseholdIndex implements Closeable {

    /**
     * What is indexed of one household.
     *
     * @param unitKey        the unit version it is recorded in ({@link #unitKey}), which says which unit covers it today
     * @param memberNames    the active members' full names, the head's among them
     * @param citizenIds     the active members' citizen ids while the household is in the registry (a person is active
     *                       in one household at most); searched, never shown
     * @param latestClass    the class of the latest decision, in force from {@code latestClassFrom}; null before any
     * @param classBefore    the class in force until then (null if none)
     */
    public record Entry(String id, String unitCode, String unitKey, String village, String headName,
            List<String> memberNames, List<String> citizenIds, HouseholdStatus status, HouseholdClass latestClass,
            LocalDate latestClassFrom, HouseholdClass classBefore, int activeMembers, long version) {
    }

    /**
     * A search.
     *
     * @param text      what was typed: a name, a 12-digit citizen id, a household id or a village; blank for everything
     * @param people    whether names and citizen ids are searched (not for a caller who is not shown them)
     * @param areaKeys  the unit versions the caller may see ({@link #unitKey}); null for a caller who acts for all units
     * @param unitCode  only households of this unit: recorded under it, or under a unit it covers today
     *                  ({@code unitKeys}); null for no filter
     * @param today     the day whose class is asked for
     */
    public record Search(String text, boolean people, Set<String> areaKeys, String unitCode, Set<String> unitKeys,
            HouseholdClass householdClass, HouseholdStatus status, LocalDate today, int page, int size) {
    }

    /** A household found: what a result list shows. */
    public record Hit(String id, String unitCode, String village, String headName, int activeMembers,
            HouseholdClass currentClass, HouseholdStatus status) {
    }

    public record Result(List<Hit> items, long total) {
    }

    /** The most expansions of the last word's prefix in a name or village phrase ("nguyen van a" → an, anh, …). */
    static final int MAX_EXPANSIONS = 128;
    private static final Pattern CITIZEN_ID = Pattern.compile("\\d{12}");

    /** Ranks of the ways a household can match, summed: a household matched several ways comes first. */
    private static final float ID = 100, CITIZEN = 90, HEAD_EXACT = 50, HEAD_PREFIX = 40, MEMBER_EXACT = 30,
            MEMBER_PREFIX = 25, HEAD_WORDS = 20, MEMBER_WORDS = 15, VILLAGE_EXACT = 12, VILLAGE_WORDS = 10,
            STILL_REGISTERED = 1;

    private static final Sort BEST_THEN_HEAD_NAME = new Sort(SortField.FIELD_SCORE,
            new SortField("headSort", SortField.Type.STRING));

    private final Directory directory;
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;

    public HouseholdIndex(Directory directory) {
        this.directory = directory;
        open();
    }

    private void open() {
        try {
            IndexWriterConfig config = new IndexWriterConfig(new FoldedTextAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a failure (of the disk, say) closed the writer for good: Lucene's "tragic" event. */
    public boolean isBroken() {
        return !writer.isOpen() || writer.getTragicException() != null;
    }

    /** Opens the index again after {@link #isBroken}: what was committed is kept; the caller rebuilds what is not. */
    public synchronized void reopen() {
        try {
            searchers.close();
        } catch (IOException | RuntimeException closedAlready) {
            // The old searchers go either way.
        }
        try {
            writer.close();
        } catch (IOException | RuntimeException closedAlready) {
            // A writer closed by its failure has rolled back and released its lock.
        }
        open();
    }

    /** The key of the unit version a household is recorded in: its code and the day that version came into force. */
    public static String unitKey(String unitCode, LocalDate versionFrom) {
        return unitCode + "@" + (versionFrom == null ? "?" : versionFrom);
    }

    /** Adds or replaces these households' documents (visible to searches after {@link #refresh}). */
    public void put(Collection<Entry> entries) {
        try {
            for (Entry e : entries) {
                writer.updateDocument(new Term("id", e.id()), document(e));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds documents for households not in the index yet (a rebuild after {@link #clear}, the benchmark): without the
     * look-up of an earlier document that {@link #put} makes for each.
     */
    public void add(Collection<Entry> entries) {
        try {
            writer.addDocuments(entries.stream().map(HouseholdIndex::document).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(Collection<String> ids) {
        try {
            writer.deleteDocuments(ids.stream().map(id -> new Term("id", id)).toArray(Term[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every document (a rebuild starts here). */
    public void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the writes so far visible to searches. */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the writes so far durable (what a restart finds). */
    public void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forces the index into one segment: for a freshly built index that will mostly be read (the benchmark). */
    public void optimize() {
        try {
            writer.forceMerge(1);
            writer.commit();
            refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many households are indexed and the sum of their versions, to compare with the store's. */
    public record Fingerprint(long households, long versionSum) {
    }

    public Fingerprint fingerprint() {
        return withSearcher(searcher -> {
            long sum = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                NumericDocValues versions = leaf.reader().getNumericDocValues("version");
                Bits live = leaf.reader().getLiveDocs();
                if (versions == null) {
                    continue;
                }
                for (int doc = versions.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = versions.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        sum += versions.longValue();
                    }
                }
            }
            return new Fingerprint(searcher.getIndexReader().numDocs(), sum);
        });
    }

    /** Bytes the index takes in its directory. */
    public long sizeInBytes() {
        try {
            long total = 0;
            for (String file : directory.listAll()) {
                try {
                    total += directory.fileLength(file);
                } catch (IOException | RuntimeException gone) {
                    // A file merged away between listing and measuring.
                }
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Result search(Search s) {
        return withSearcher(searcher -> {
            Query query = query(searcher, s);
            int wanted = (s.page() + 1) * s.size();
            TopFieldDocs top = searcher.search(query,
                    new TopFieldCollectorManager(BEST_THEN_HEAD_NAME, wanted, null, Integer.MAX_VALUE));
            List<Hit> hits = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            long today = s.today().toEpochDay();
            for (int i = s.page() * s.size(); i < top.scoreDocs.length; i++) {
                ScoreDoc hit = top.scoreDocs[i];
                hits.add(hit(stored.document(hit.doc), today));
            }
            return new Result(hits, top.totalHits.value());
        });
    }

    /** The query for a search, exposed for tests of how a search is understood. */
    Query query(IndexSearcher searcher, Search s) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(match(searcher, s.text(), s.people()), Occur.MUST)
                .add(ranked(new TermQuery(new Term("status", HouseholdStatus.ACTIVE.name())), STILL_REGISTERED),
                        Occur.SHOULD);
        if (s.areaKeys() != null) {
            query.add(s.areaKeys().isEmpty() ? new MatchNoDocsQuery("no unit")
                    : new TermInSetQuery("unitKey", s.areaKeys().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        if (s.unitCode() != null) {
            BooleanQuery.Builder unit = new BooleanQuery.Builder()
                    .add(new TermQuery(new Term("unit", s.unitCode())), Occur.SHOULD);
            if (s.unitKeys() != null && !s.unitKeys().isEmpty()) {
                unit.add(new TermInSetQuery("unitKey", s.unitKeys().stream().map(BytesRef::new).toList()),
                        Occur.SHOULD);
            }
            query.add(unit.build(), Occur.FILTER);
        }
        if (s.status() != null) {
            query.add(new TermQuery(new Term("status", s.status().name())), Occur.FILTER);
        }
        if (s.householdClass() != null) {
            // The class in force today: the latest decision's once it took effect, the one before it until then.
            long today = s.today().toEpochDay();
            String c = s.householdClass().name();
            query.add(new BooleanQuery.Builder()
                    .add(new BooleanQuery.Builder()
                            .add(new TermQuery(new Term("classLatest", c)), Occur.FILTER)
                            .add(LongPoint.newRangeQuery("classFrom", Long.MIN_VALUE, today), Occur.FILTER).build(),
                            Occur.SHOULD)
                    .add(new BooleanQuery.Builder()
                            .add(new TermQuery(new Term("classBefore", c)), Occur.FILTER)
                            .add(LongPoint.newRangeQuery("classFrom", today + 1, Long.MAX_VALUE), Occur.FILTER)
                            .build(), Occur.SHOULD)
                    .build(), Occur.FILTER);
        }
        return query.build();
    }

    private Query match(IndexSearcher searcher, String text, boolean people) {
        String raw = text == null ? "" : text.strip();
        if (raw.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder()
                .add(ranked(new TermQuery(new Term("id", raw.toLowerCase(Locale.ROOT))), ID), Occur.SHOULD);
        if (CITIZEN_ID.matcher(raw).matches()) {
            return people ? any.add(ranked(new TermQuery(new Term("cid", raw)), CITIZEN), Occur.SHOULD).build()
                    : any.build();
        }
        List<String> words = Folding.words(raw);
        if (words.isEmpty()) {
            return any.build();
        }
        String folded = String.join(" ", words);
        if (!people) {
            return any.add(ranked(new TermQuery(new Term("villageFull", folded)), VILLAGE_EXACT), Occur.SHOULD)
                    .add(ranked(words(searcher, "village", words), VILLAGE_WORDS), Occur.SHOULD).build();
        }
        return any
                .add(ranked(new TermQuery(new Term("headFull", folded)), HEAD_EXACT), Occur.SHOULD)
                .add(ranked(new PrefixQuery(new Term("headFull", folded)), HEAD_PREFIX), Occur.SHOULD)
                .add(ranked(new TermQuery(new Term("nameFull", folded)), MEMBER_EXACT), Occur.SHOULD)
                .add(ranked(new PrefixQuery(new Term("nameFull", folded)), MEMBER_PREFIX), Occur.SHOULD)
                .add(ranked(words(searcher, "head", words), HEAD_WORDS), Occur.SHOULD)
                .add(ranked(words(searcher, "names", words), MEMBER_WORDS), Occur.SHOULD)
                .add(ranked(new TermQuery(new Term("villageFull", folded)), VILLAGE_EXACT), Occur.SHOULD)
                .add(ranked(words(searcher, "village", words), VILLAGE_WORDS), Occur.SHOULD)
                .build();
    }

    /**
     * The words in order within one value of {@code field} (one member's name: values are far apart), one other word
     * allowed between them ("nguyen an" finds Nguyễn Văn An), the last word a prefix ("nguyen van" finds him too).
     */
    private static Query words(IndexSearcher searcher, String field, List<String> words) {
        String last = words.getLast();
        if (words.size() == 1) {
            return new PrefixQuery(new Term(field, last));
        }
        List<Term> expansions = expand(searcher, field, last);
        if (expansions.isEmpty()) {
            return new MatchNoDocsQuery("no word starts with " + last);
        }
        MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder();
        for (int i = 0; i < words.size() - 1; i++) {
            phrase.add(new Term(field, words.get(i)));
        }
        phrase.add(expansions.toArray(Term[]::new));
        phrase.setSlop(1);
        return phrase.build();
    }

    private static List<Term> expand(IndexSearcher searcher, String field, String prefix) {
        try {
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), field);
            List<Term> found = new ArrayList<>();
            if (terms == null) {
                return found;
            }
            TermsEnum e = terms.iterator();
            BytesRef start = new BytesRef(prefix);
            if (e.seekCeil(start) == TermsEnum.SeekStatus.END) {
                return found;
            }
            for (BytesRef term = e.term(); term != null && found.size() < MAX_EXPANSIONS; term = e.next()) {
                String word = term.utf8ToString();
                if (!word.startsWith(prefix)) {
                    break;
                }
                found.add(new Term(field, word));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Query ranked(Query query, float rank) {
        return new BoostQuery(new ConstantScoreQuery(query), rank);
    }

    private static Document document(Entry e) {
        Document d = new Document();
        d.add(new StringField("id", e.id(), Field.Store.YES));
        d.add(new StringField("unit", e.unitCode(), Field.Store.YES));
        d.add(new StringField("unitKey", e.unitKey(), Field.Store.NO));
        d.add(new StoredField("villageText", e.village() == null ? "" : e.village()));
        String village = Folding.fold(e.village());
        d.add(new TextField("village", village, Field.Store.NO));
        d.add(new StringField("villageFull", village, Field.Store.NO));
        if (e.headName() != null) {
            String head = Folding.fold(e.headName());
            d.add(new StoredField("headName", e.headName()));
            d.add(new TextField("head", head, Field.Store.NO));
            d.add(new StringField("headFull", head, Field.Store.NO));
        }
        d.add(new SortedDocValuesField("headSort", new BytesRef(Folding.sortKey(e.headName()))));
        for (String name : e.memberNames()) {
            String folded = Folding.fold(name);
            d.add(new TextField("names", folded, Field.Store.NO));
            d.add(new StringField("nameFull", folded, Field.Store.NO));
        }
        for (String citizenId : e.citizenIds()) {
            d.add(new StringField("cid", citizenId, Field.Store.NO));
        }
        d.add(new StringField("status", e.status().name(), Field.Store.YES));
        if (e.latestClass() != null) {
            d.add(new StringField("classLatest", e.latestClass().name(), Field.Store.YES));
            long from = e.latestClassFrom().toEpochDay();
            d.add(new LongPoint("classFrom", from));
            d.add(new StoredField("classFromDay", from));
        }
        if (e.classBefore() != null) {
            d.add(new StringField("classBefore", e.classBefore().name(), Field.Store.YES));
        }
        d.add(new StoredField("activeMembers", e.activeMembers()));
        d.add(new NumericDocValuesField("version", e.version()));
        return d;
    }

    private static Hit hit(Document d, long today) {
        String latest = d.get("classLatest");
        HouseholdClass current = null;
        if (latest != null) {
            boolean inForce = d.getField("classFromDay").numericValue().longValue() <= today;
            String before = d.get("classBefore");
            current = inForce ? HouseholdClass.valueOf(latest) : before == null ? null : HouseholdClass.valueOf(before);
        }
        String village = d.get("villageText");
        return new Hit(d.get("id"), d.get("unit"), village, d.get("headName"),
                d.getField("activeMembers").numericValue().intValue(), current, HouseholdStatus.valueOf(d.get("status")));
    }

    @FunctionalInterface
    private interface WithSearcher<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(WithSearcher<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Folded text (see {@link Folding}) split into words; one member's name is far from the next member's, so that a
     * phrase never spans two people.
     */
    static final class FoldedTextAnalyzer extends Analyzer {

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new StandardTokenizer());
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return 100;
        }
    }
}
