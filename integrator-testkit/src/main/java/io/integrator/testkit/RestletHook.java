package io.integrator.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A stand-in for a NetSuite-side hook script function ({@code hooks.preMap}, {@code postMap},
 * {@code postSubmit} of a distributed import, {@code preSend} of a distributed export), registered on a
 * {@link RestletServer} under the script file's internal id and the function's name. It gets and returns
 * what the SuiteScript function would (see docs/netsuite-distributed.md):
 *
 * <ul>
 *   <li>preMap: {@code {data: [records], settings}}, returns one item per record: {@code {data}} to go
 *       on, {@code {errors: [{code, message}]}} to fail it, {@code {}} to ignore it;</li>
 *   <li>postMap: {@code {preMapData, postMapData, settings}}, returns items like preMap's, whose
 *       {@code data} is the mapped record;</li>
 *   <li>postSubmit: {@code {preMapData, postMapData, responseData, settings}}, returns the results
 *       ({@code responseData} changed as it likes), one per record;</li>
 *   <li>preSend: {@code {data: [records], settings}}, returns the records to send.</li>
 * </ul>
 */
@FunctionalInterface
public interface RestletHook {
    /**
     * @param options what the script function receives
     * @return what it returns
     */
    JsonNode apply(ObjectNode options);
}
