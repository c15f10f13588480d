package io.integrator.testkit;

import java.util.Objects;

/**
 * How {@code GET /{collection}} of a {@link RestApiServer} cuts a collection into pages and how
 * it tells the client about the next one. Immutable: every {@code with...} method returns a copy.
 *
 * <p>Whatever the style, a list request finds its start from whichever of these query parameters
 * it carries: the cursor ({@link #cursorParam()}, default {@code cursor}), {@code after} (the id of
 * the last record already seen, for keyset paging), the skip ({@link #skipParam()}), or the page
 * number ({@link #pageParam()}); none means the first page. The page size comes from
 * {@link #pageSizeParam()} (or {@link #limitParam()}) and defaults to {@link #pageSize()}. The style
 * decides only what the response announces:
 *
 * <table>
 *   <caption>Styles</caption>
 *   <tr><th>Style</th><th>Next page announced as</th></tr>
 *   <tr><td>{@link #none()}</td><td>nothing: the whole collection is one response</td></tr>
 *   <tr><td>{@link #pageNumber()}</td><td>nothing: the client adds 1 to {@code page}</td></tr>
 *   <tr><td>{@link #skipLimit()}</td><td>nothing: the client adds the page size to {@code skip}</td></tr>
 *   <tr><td>{@link #cursor()}</td><td>an opaque token at {@link #cursorField()} in the body, or in a header</td></tr>
 *   <tr><td>{@link #nextUrl()}</td><td>a full URL at {@link #nextField()} in the body</td></tr>
 *   <tr><td>{@link #nextRelativeUri()}</td><td>a relative URI ({@code /orders?after=42}) at {@link #nextField()}</td></tr>
 *   <tr><td>{@link #linkHeader()}</td><td>{@code Link: <...?page=3>; rel="next"} (with {@code first} and {@code prev})</td></tr>
 * </table>
 *
 * <p>{@code POST /{collection}/search} always pages with a cursor read from the request body at
 * {@link #cursorParam()} and written to {@link #cursorField()} of the response body.
 *
 * <p>The end: by default a request past the last page answers an empty page, and the pointer styles
 * give no pointer on the last page. {@link #withEndStatus(int)} makes requests past the end answer
 * that status instead (404 is common), and {@link #withEmptyPageAtEnd(boolean)} makes the pointer
 * styles point from the last page to one more, empty page (or to that status).
 */
public final class Paging {

    /** What a response announces about the next page. */
    public enum Style {
        /** One response holds every record. */
        NONE,
        /** Page numbers. */
        PAGE,
        /** Offset and limit. */
        SKIP,
        /** A cursor token in the body or a header. */
        CURSOR,
        /** A full next-page URL in the body. */
        NEXT_URL,
        /** A next-page URI relative to the server's base URI, in the body. */
        NEXT_RELATIVE_URI,
        /** A {@code Link} header with {@code rel="next"}. */
        LINK_HEADER
    }

    private final Style style;
    private final int pageSize;
    private final int firstPage;
    private final String pageParam;
    private final String pageSizeParam;
    private final String skipParam;
    private final String limitParam;
    private final String cursorParam;
    private final String cursorField;
    private final String cursorHeader;
    private final String nextField;
    private final String dataField;
    private final String lastPageField;
    private final String totalPagesField;
    private final String totalCountField;
    private final int endStatus;
    private final boolean emptyPageAtEnd;

    private Paging(Style style, int pageSize, int firstPage, String pageParam, String pageSizeParam,
            String skipParam, String limitParam, String cursorParam, String cursorField, String cursorHeader,
            String nextField, String dataField, String lastPageField, String totalPagesField,
            String totalCountField, int endStatus, boolean emptyPageAtEnd) {
        this.style = style;
        this.pageSize = pageSize;
        this.firstPage = firstPage;
        this.pageParam = pageParam;
        this.pageSizeParam = pageSizeParam;
        this.skipParam = skipParam;
        this.limitParam = limitParam;
        this.cursorParam = cursorParam;
        this.cursorField = cursorField;
        this.cursorHeader = cursorHeader;
        this.nextField = nextField;
        this.dataField = dataField;
        this.lastPageField = lastPageField;
        this.totalPagesField = totalPagesField;
        this.totalCountField = totalCountField;
        this.endStatus = endStatus;
        this.emptyPageAtEnd = emptyPageAtEnd;
    }

    private static Paging of(Style style, String nextField) {
        return new Paging(style, 20, 1, "page", "pageSize", "skip", "limit", "cursor", "nextCursor", null,
                nextField, "data", null, null, null, 0, false);
    }

    /** @return the whole collection in one response, {@code {"data": [...]}} */
    public static Paging none() {
        return of(Style.NONE, null);
    }

    /** @return page numbers: {@code ?page=1&pageSize=20}, first page 1 */
    public static Paging pageNumber() {
        return of(Style.PAGE, null);
    }

    /** @return offsets: {@code ?skip=0&limit=20} */
    public static Paging skipLimit() {
        return of(Style.SKIP, null);
    }

    /** @return cursor tokens: {@code ?cursor=...}, the next one at {@code nextCursor} in the body */
    public static Paging cursor() {
        return of(Style.CURSOR, null);
    }

    /** @return a full next-page URL at {@code next} in the body */
    public static Paging nextUrl() {
        return of(Style.NEXT_URL, "next");
    }

    /** @return a next-page URI relative to the base URI ({@code /orders?after=42}) at {@code nextPage} in the body */
    public static Paging nextRelativeUri() {
        return of(Style.NEXT_RELATIVE_URI, "nextPage");
    }

    /** @return a {@code Link} response header with {@code rel="next"} (and {@code first}, {@code prev}) */
    public static Paging linkHeader() {
        return of(Style.LINK_HEADER, null);
    }

    private Paging copy(int pageSize, int firstPage, String pageParam, String pageSizeParam, String skipParam,
            String limitParam, String cursorParam, String cursorField, String cursorHeader, String nextField,
            String dataField, String lastPageField, String totalPagesField, String totalCountField, int endStatus,
            boolean emptyPageAtEnd) {
        return new Paging(style, pageSize, firstPage, pageParam, pageSizeParam, skipParam, limitParam, cursorParam,
                cursorField, cursorHeader, nextField, dataField, lastPageField, totalPagesField, totalCountField,
                endStatus, emptyPageAtEnd);
    }

    /**
     * @param size records per page when the request names none; at least 1
     * @return a copy with that default page size
     */
    public Paging withPageSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("Paging page size must be at least 1, got " + size);
        }
        return copy(size, firstPage, pageParam, pageSizeParam, skipParam, limitParam, cursorParam, cursorField,
                cursorHeader, nextField, dataField, lastPageField, totalPagesField, totalCountField, endStatus,
                emptyPageAtEnd);
    }

    /**
     * @param first the number of the first page (usually 0 or 1)
     * @return a copy counting pages from {@code first}
     */
    public Paging withFirstPage(int first) {
        return copy(pageSize, first, pageParam, pageSizeParam, skipParam, limitParam, cursorParam, cursorField,
                cursorHeader, nextField, dataField, lastPageField, totalPagesField, totalCountField, endStatus,
                emptyPageAtEnd);
    }

    /**
     * @param page name of the page-number query parameter
     * @param size name of the page-size query parameter
     * @return a copy with those parameter names
     */
    public Paging withPageParams(String page, String size) {
        return copy(pageSize, firstPage, name(page), name(size), skipParam, limitParam, cursorParam, cursorField,
                cursorHeader, nextField, dataField, lastPageField, totalPagesField, totalCountField, endStatus,
                emptyPageAtEnd);
    }

    /**
     * @param skip name of the offset query parameter
     * @param limit name of the limit query parameter
     * @return a copy with those parameter names
     */
    public Paging withSkipParams(String skip, String limit) {
        return copy(pageSize, firstPage, pageParam, pageSizeParam, name(skip), name(limit), cursorParam, cursorField,
                cursorHeader, nextField, dataField, lastPageField, totalPagesField, totalCountField, endStatus,
                emptyPageAtEnd);
    }

    /**
     * @param param name of the query parameter (and search body field) that carries the cursor
     * @return a copy reading the cursor from that parameter
     */
    public Paging withCursorParam(String param) {
        return copy(pageSize, firstPage, pageParam, pageSizeParam, skipParam, limitParam, name(param), cursorField,
                cursorHeader, nextField, dataField, lastPageField, totalPagesField, totalCountField, endStatus,
                emptyPageAtEnd);
    }

    /**
     * @param field dotted path of the body field that carries the next cursor ({@code meta.next})
     * @return a copy writing the next cursor there
     */
    public Paging withCursorField(String field) {
        return copy(pageSize, firstPage, pageParam, pageSizeParam, skipParam, limitParam, cursorParam, name(field),
                null, nextField, dataField, lastPageField, totalPagesField, totalCountField, endStatus,
                emptyPageAtEnd);
    }

    /**
     * @param header response header that carries the next cursor instead of the body
     * @return a copy announcing the cursor in that header
     */
    public Paging withCursorInHeader(String header) {
        return copy(pageSize, firstPage, pageParam, pageSizeParam, skipParam, limitParam, cursorParam, cursorField,
                name(header), nextField, dataField, lastPageField, totalPagesField, totalCountField, endStatus,
                emptyPageAtEnd);
    }

    /**
     * @param field dotted path of the body field that carries the next URL or relative URI
     * @return a copy writing the next URL there
     */
    public Paging withNextField(String field) {
        return copy(pageSize, firstPage, pageParam, pageSizeParam, skipParam, limitParam, cursorParam, cursorField,
                cursorHeader, name(field), dataField, lastPageField, totalPagesField, totalCountField, endStatus,
                emptyPageAtEnd);
    }

    /**
     * @param field dotted path of the record array in the envelope ({@code data}, {@code result.items})
     * @return a copy with that envelope
     */
    public Paging withEnvelope(String field) {
        return copy(pageSize, firstPage, pageParam, pageSizeParam, skipParam, limitParam, cursorParam, cursorField,
                cursorHeader, nextField, name(field), lastPageField, totalPagesField, totalCountField, endStatus,
                emptyPageAtEnd);
    }

    /**
     * Answers a bare JSON array instead of an envelope. Body fields (next URL, cursor in the body,
     * flags, totals) are then impossible; {@link RestApiServer.Builder#start()} rejects such a mix.
     *
     * @return a copy answering bare arrays
     */
    public Paging withBareArray() {
        return copy(pageSize, firstPage, pageParam, pageSizeParam, skipParam, limitParam, cursorParam, cursorField,
                cursorHeader, nextField, null, lastPageField, totalPagesField, totalCountField, endStatus,
                emptyPageAtEnd);
    }

    /**
     * @param field dotted path of a boolean body field, true on the last page
     * @return a copy with that flag
     */
    public Paging withLastPageFlag(String field) {
        return copy(pageSize, firstPage, pageParam, pageSizeParam, skipParam, limitParam, cursorParam, cursorField,
                cursorHeader, nextField, dataField, name(field), totalPagesField, totalCountField, endStatus,
                emptyPageAtEnd);
    }

    /**
     * @param totalPagesField dotted path of the total-pages body field, or null for none
     * @param totalCountField dotted path of the total-records body field, or null for none
     * @return a copy with those totals
     */
    public Paging withTotals(String totalPagesField, String totalCountField) {
        return copy(pageSize, firstPage, pageParam, pageSizeParam, skipParam, limitParam, cursorParam, cursorField,
                cursorHeader, nextField, dataField, lastPageField, totalPagesField, totalCountField, endStatus,
                emptyPageAtEnd);
    }

    /**
     * @param status the status a request past the last page answers instead of an empty page (404 is common)
     * @return a copy ending that way
     */
    public Paging withEndStatus(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("Paging end status must be an HTTP status (200-599), got " + status);
        }
        return copy(pageSize, firstPage, pageParam, pageSizeParam, skipParam, limitParam, cursorParam, cursorField,
                cursorHeader, nextField, dataField, lastPageField, totalPagesField, totalCountField, status,
                emptyPageAtEnd);
    }

    /**
     * @param on true: the pointer styles point from the last page to one more page past the end
     *           (empty, or the {@link #withEndStatus(int) end status})
     * @return a copy ending that way
     */
    public Paging withEmptyPageAtEnd(boolean on) {
        return copy(pageSize, firstPage, pageParam, pageSizeParam, skipParam, limitParam, cursorParam, cursorField,
                cursorHeader, nextField, dataField, lastPageField, totalPagesField, totalCountField, endStatus, on);
    }

    private static String name(String value) {
        Objects.requireNonNull(value, "name");
        if (value.isBlank()) {
            throw new IllegalArgumentException("Paging parameter and field names must not be blank");
        }
        return value;
    }

    /** @return the style */
    public Style style() {
        return style;
    }

    /** @return the default page size */
    public int pageSize() {
        return pageSize;
    }

    /** @return the number of the first page */
    public int firstPage() {
        return firstPage;
    }

    /** @return the page-number query parameter */
    public String pageParam() {
        return pageParam;
    }

    /** @return the page-size query parameter */
    public String pageSizeParam() {
        return pageSizeParam;
    }

    /** @return the offset query parameter */
    public String skipParam() {
        return skipParam;
    }

    /** @return the limit query parameter */
    public String limitParam() {
        return limitParam;
    }

    /** @return the cursor query parameter (and search body field) */
    public String cursorParam() {
        return cursorParam;
    }

    /** @return the body field of the next cursor */
    public String cursorField() {
        return cursorField;
    }

    /** @return the response header of the next cursor, or null when it is in the body */
    public String cursorHeader() {
        return cursorHeader;
    }

    /** @return the body field of the next URL or relative URI, or null */
    public String nextField() {
        return nextField;
    }

    /** @return the envelope's record-array field, or null for bare arrays */
    public String dataField() {
        return dataField;
    }

    /** @return the last-page flag field, or null */
    public String lastPageField() {
        return lastPageField;
    }

    /** @return the total-pages field, or null */
    public String totalPagesField() {
        return totalPagesField;
    }

    /** @return the total-count field, or null */
    public String totalCountField() {
        return totalCountField;
    }

    /** @return the status past the end, or 0 for an empty page */
    public int endStatus() {
        return endStatus;
    }

    /** @return whether pointer styles point past the last page */
    public boolean emptyPageAtEnd() {
        return emptyPageAtEnd;
    }

    void validate(String collection) {
        if (dataField != null) {
            return;
        }
        String problem = null;
        if (style == Style.NEXT_URL || style == Style.NEXT_RELATIVE_URI) {
            problem = "a next URL in the body";
        } else if (style == Style.CURSOR && cursorHeader == null) {
            problem = "a cursor in the body (use withCursorInHeader)";
        } else if (lastPageField != null || totalPagesField != null || totalCountField != null) {
            problem = "last-page flags or totals";
        }
        if (problem != null) {
            throw new IllegalArgumentException("Collection '" + collection + "': a bare-array response cannot carry "
                    + problem);
        }
    }

    @Override
    public String toString() {
        return "Paging[" + style + ", pageSize=" + pageSize + "]";
    }
}
