/**
 * NetSuite for the Integrator: connections of type {@code netsuite}, exports and imports through
 * SuiteTalk SOAP web services, and the distributed adaptor that talks to a RESTlet and user-event
 * scripts deployed in the NetSuite account. See {@code docs/netsuite.md}.
 */
package io.integrator.netsuite;
