package io.mailconfig.installation;

/**
 * The AWS quotas an installation counts against, as the administrator's account has them: the
 * defaults unless the configuration states raised ones (Service Quotas shows the account's own).
 *
 * @param customDomainNames API Gateway custom domain names per account and region
 * @param certificates      ACM certificates per account and region
 * @param distributions     CloudFront distributions per account
 */
public record Quotas(int customDomainNames, int certificates, int distributions) {

    public static final int DEFAULT_CUSTOM_DOMAIN_NAMES = 120;
    public static final int DEFAULT_CERTIFICATES = 2500;
    public static final int DEFAULT_DISTRIBUTIONS = 500;
    public static final Quotas DEFAULTS = new Quotas(DEFAULT_CUSTOM_DOMAIN_NAMES, DEFAULT_CERTIFICATES, DEFAULT_DISTRIBUTIONS);
}
