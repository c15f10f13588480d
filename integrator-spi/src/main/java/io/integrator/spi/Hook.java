package io.integrator.spi;

/**
 * The base of every hook: custom Java code a resource document refers to by id ({@code
 * hooks._preSavePageId}, {@code hooks._preMapId}, {@code hooks._postMapId}, {@code
 * hooks._postSubmitId}, ...).
 *
 * <p>Hooks found with {@link java.util.ServiceLoader} (a {@code
 * META-INF/services/io.integrator.spi.Hook} entry) are known by the id they report here; the
 * validator warns about a document that names an id no hook answers (the host may still register
 * one at run time). The hook kinds themselves (preSavePage, preMap, postMap, postSubmit...) extend
 * this interface.
 */
public interface Hook {

  /** The id documents use to name this hook; unique among the hooks of one engine. */
  String id();
}
