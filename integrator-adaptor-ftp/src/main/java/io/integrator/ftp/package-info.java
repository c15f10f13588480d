/**
 * FTP, FTPS and SFTP file exports and imports. {@link io.integrator.ftp.FtpAdaptor} is the only
 * public class: the engine finds it through {@code META-INF/services} for connections of type
 * {@code ftp} and {@code sftp}. Files are parsed while they download (CSV, JSON, XML, fixed width;
 * gzip and zip) and written through a spool file. See {@code docs/ftp.md}.
 */
package io.integrator.ftp;
